"""The app's pages, one page or small flow per module."""
