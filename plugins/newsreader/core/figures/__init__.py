"""Figures: money and quantities in words or digits, currencies, checked comparisons."""
