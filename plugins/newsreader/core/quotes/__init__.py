"""Quotations and who said them."""
