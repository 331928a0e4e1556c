"""The podcast: episode pages with a player and transcript, the episode list, the RSS feed
podcast apps subscribe to, and the teaser block editors place in guides."""
