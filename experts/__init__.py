"""Experten svarar: the advisers' answers to readers' questions, grouped by guide area, and
the queue of questions readers send in, which editors turn into answers."""
