"""Temporal expressions: finding them, resolving them to TIMEX3 values, the events a timeline shows."""
