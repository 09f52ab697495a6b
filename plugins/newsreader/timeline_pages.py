"""The site timeline (``timeline/``) and, past ``NEWSREADER_TIMELINE_SPLIT`` events, a page per year (and per month for
a long year), as a Pelican generator. Each page's render key names the articles it shows, so an edit re-renders
only the years it touches.
"""

from __future__ import annotations

import calendar
from functools import cached_property

from pelican.generators import Generator

from . import dask_glue
from .build import keys as build_keys
from .core.site_timeline import timeline_years  # noqa: F401 - where it was
from .core.timex.events import period_start
from .site_view import SiteView, write_file

RECENT_EVENTS = 40  # the site timeline's front page shows whole months back from the newest article, this many at least


def recent_months(timeline: dict, newest: tuple[int, int] | None, at_least: int = RECENT_EVENTS) -> list[dict]:
    """Whole months, oldest first, back from the newest article's month (``(year, month)``; later events are in the
    year pages) until they hold ``at_least`` events; each month dict gains ``year``."""
    months = [dict(m, year=y["year"]) for y in timeline["years"] for m in y["months"]]
    if newest is not None:
        months = [m for m in months if (m["year"], m["month"]) <= newest] or months
    shown, count = [], 0
    for month in reversed(months):
        if count >= at_least:
            break
        shown.append(month)
        count += len(month["events"])
    return shown[::-1]


class TimelineGenerator(Generator):
    """The site timeline's pages; runs after the articles generator, whose finalized signal annotated them."""

    def generate_context(self):
        self.view = view = SiteView.of(self.context, self.settings)
        articles, keys, site = view.articles, view.keys, view.site
        # Which articles each year of the site timeline shows: a year's page is keyed by those alone.
        articles_of_year: dict[int, list[str]] = {}
        self.year_counts: dict[int, int] = {}  # events of each year, as the site timeline counts them
        self.year_months: dict[int, set] = {}  # the months (1-12) of each year that have events
        for article in articles:
            for year in sorted({period_start(e["date"], e["precision"]).year for e in article.newsreader.events}):
                articles_of_year.setdefault(year, []).append(keys[article.slug])
            for event in article.newsreader.timeline:
                start = period_start(event["date"], event["precision"])
                self.year_counts[start.year] = self.year_counts.get(start.year, 0) + 1
                if event["precision"] in {"day", "week", "month"}:
                    self.year_months.setdefault(start.year, set()).add(start.month)
        self.years = sorted(articles_of_year)  # oldest first, as every timeline reads
        self.year_keys = {y: build_keys.timeline_year(site, y, articles_of_year[y]) for y in self.years}
        self.split_timeline = sum(len(a.newsreader.events) for a in articles) > self.settings["NEWSREADER_TIMELINE_SPLIT"]
        dated = [a.date for a in articles if not getattr(a, "date_unknown", False)]
        self.newest_month = (max(dated).year, max(dated).month) if dated else None

    @cached_property
    def timeline(self) -> dict:
        return dask_glue.timeline(self.settings, self.view.events, self.settings["NEWSREADER_TIMELINE_MONTH_SPLIT"])

    def timeline_page(self) -> dict:
        """What ``/timeline/`` shows: every year and month as links, and the events (all of them, or the latest
        months' when the timeline has pages per year)."""
        return {"timeline": self.timeline, "timeline_index": self.timeline_index(),
                "recent": recent_months(self.timeline, self.newest_month) if self.split_timeline else None}

    def timeline_index(self) -> list[dict]:
        """Every year and month with its count and where its events are: an anchor on ``/timeline/``, a year page
        (and its month's anchor) or a month page."""
        siteurl, settings = self.settings.get("SITEURL", ""), self.settings
        out = []
        for year in self.timeline["years"]:
            y = year["year"]
            page = f"{siteurl}/{settings['TIMELINE_YEAR_URL'].format(year=y)}" if self.split_timeline else ""
            months = []
            for month in year["months"]:
                if self.split_timeline and year["month_pages"] and month["month"]:
                    href = f"{siteurl}/{settings['TIMELINE_MONTH_URL'].format(year=y, month=month['month'])}"
                else:
                    href = f"{page}#{month['anchor']}"
                months.append({"short": month["short"], "name": month["name"], "count": len(month["events"]),
                               "href": href})
            out.append({"year": y, "count": year["count"], "href": page or f"#y{y}", "months": months})
        return out

    def generate_output(self, writer):
        settings = self.settings
        write_file(writer, settings["TIMELINE_SAVE_AS"], self.get_template("timeline"), self.context, self.view.all_key,
                   self.timeline_page, relative_urls=settings["RELATIVE_URLS"], page_name="timeline",
                   year_pages=self.split_timeline)
        if self.split_timeline:
            self.write_year_pages(writer)

    def write_year_pages(self, writer) -> None:
        """One page per year of the site timeline, each linking to its neighbours; a long year's months get pages."""
        settings = self.settings
        template = self.get_template("timeline_year")
        month_template = self.get_template("timeline_month")
        month_split = settings["NEWSREADER_TIMELINE_MONTH_SPLIT"]
        for n, year in enumerate(self.years):
            earlier = self.years[n - 1] if n > 0 else None
            later = self.years[n + 1] if n + 1 < len(self.years) else None
            # Whether the year's months have pages is known from its articles' events, without gathering them all.
            month_pages = self.year_counts.get(year, 0) > month_split
            write_file(
                writer, settings["TIMELINE_YEAR_SAVE_AS"].format(year=year), template, self.context,
                build_keys.year_page(self.year_keys[year], earlier, later, month_split),
                lambda year=year: {"year": self.year_of(year)},
                relative_urls=settings["RELATIVE_URLS"], page_name="timeline", earlier=earlier, later=later,
            )
            if not month_pages:
                continue
            months = sorted(self.year_months.get(year, ()))
            for m, month in enumerate(months):
                before = months[m - 1] if m > 0 else None
                after = months[m + 1] if m + 1 < len(months) else None
                write_file(
                    writer, settings["TIMELINE_MONTH_SAVE_AS"].format(year=year, month=month), month_template,
                    self.context, build_keys.month_page(self.year_keys[year], month, before, after, month_split),
                    lambda year=year, month=month: {"month": next(
                        mo for mo in self.year_of(year)["months"] if mo["month"] == month)},
                    relative_urls=settings["RELATIVE_URLS"], page_name="timeline", year=year,
                    earlier=before and {"month": before, "name": f"{calendar.month_name[before]} {year}"},
                    later=after and {"month": after, "name": f"{calendar.month_name[after]} {year}"},
                )

    def year_of(self, year: int) -> dict:
        return next(y for y in self.timeline["years"] if y["year"] == year)

