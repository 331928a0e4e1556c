"""Membership: "Bli medlem" applications with double opt-in, members' login, the members-only
gate, saved guides ("Mina guider") and the member's own data (export and deletion)."""
