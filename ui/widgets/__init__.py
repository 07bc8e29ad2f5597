"""The few shared widgets every screen is built from.

They set the accessible name and description, the buddy label, the minimum target size
and the focus behaviour once, so every screen gets them right.
"""
