"""Signals through which later apps plug into guides without guides knowing them."""

from django.dispatch import Signal

#: Sent with `guide=` before a guide is validated (every save and revision), so apps can fill fields
#: they own the rules of, e.g. the editorial app's default review date.
guide_cleaning = Signal()
