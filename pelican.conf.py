"""The one settings file. Run Pelican as ``pelican -s pelican.conf.py`` (or ``invoke build``).

Deploy values come from the environment when set, so the same file serves local
work and GitHub Pages: ``SITEURL=https://user.github.io/repo invoke build``.
"""

import logging
import os

_env = os.environ.get

SITENAME = _env("SITENAME", "Annotated News Reader")
SITEDESCRIPTION = _env("SITEDESCRIPTION", "News articles with their people, places and dates made easy to follow.")
# No trailing slash: templates write "{{ SITEURL }}/path". Empty means site-root-relative links.
SITEURL = _env("SITEURL", "").rstrip("/")
TIMEZONE = _env("TIMEZONE", "UTC")
DEFAULT_LANG = "en"
RELATIVE_URLS = False

PATH = _env("NEWSREADER_CONTENT", "content")
OUTPUT_PATH = _env("NEWSREADER_OUTPUT", "output")
ARTICLE_PATHS = ["news"]  # raw .txt articles and hand-written .md articles live here
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
IGNORE_FILES = [".#*", "*~", ".*.swp"]

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["newsreader"]
# Annotation cache (by content hash; safe to delete) and the editor's corrections file in content/.
NEWSREADER_CACHE_PATH = _env("NEWSREADER_CACHE", ".cache/newsreader")
NEWSREADER_CORRECTIONS = "annotations.yml"
# Processes for a cold annotation run (default: one per core).
NEWSREADER_PROCESSES = int(_env("NEWSREADER_PROCESSES", "0")) or None
# Large archives: a Dask scheduler's address (tcp://host:8786) annotates on that cluster, "local" on a cluster of
# this machine (a scheduler and NEWSREADER_PROCESSES workers); unset, the process pool above (README, "Large archives").
NEWSREADER_DASK = _env("NEWSREADER_DASK") or None
# Also write the files only tools read (the whole search index, TimelineJS's format): docs/export.md.
NEWSREADER_TOOL_EXPORTS = _env("NEWSREADER_TOOL_EXPORTS", "") not in ("", "0")
# lunr.js comes from npm (package.json pins 2.3.9); the build copies it into the site.
NEWSREADER_LUNR_JS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "node_modules", "lunr", "lunr.min.js")
# The plugin's pages (entity/<id>/, entity/, timeline/, search/) take their URLs from
# plugins/newsreader/site.py DEFAULTS; set ENTITY_URL, TIMELINE_URL… here to change them.

THEME = "theme"
THEME_STATIC_DIR = "theme"
THEME_TEMPLATES_OVERRIDES = []
# Autoescape everything; title, summary and content are HTML by Pelican's
# convention and the raw reader escapes them at the source.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# Folder-style URLs: no "{name}{number}.html" collisions for names ending in digits.
ARTICLE_URL = "news/{slug}/"
ARTICLE_SAVE_AS = "news/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "source/{slug}/"
CATEGORY_SAVE_AS = "source/{slug}/index.html"
CATEGORIES_URL = "source/"
CATEGORIES_SAVE_AS = "source/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
INDEX_SAVE_AS = "index.html"
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
DEFAULT_PAGINATION = 20
DIRECT_TEMPLATES = ["index", "archives", "categories", "404", "sitemap"]
SITEMAP_SAVE_AS = "sitemap.xml"
# Sources are the categories; tags, authors and per-period archives are not used.
TAGS_SAVE_AS = TAG_SAVE_AS = ""
AUTHORS_SAVE_AS = AUTHOR_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DEFAULT_CATEGORY = "Unknown source"
ARTICLE_ORDER_BY = "reversed-date"
SUMMARY_MAX_LENGTH = 60

FEED_MAX_ITEMS = 10
FEED_DOMAIN = SITEURL
if not SITEURL:
    # A local preview build: feed links are site-relative, which is expected there.
    LOG_FILTER = [(logging.WARNING, "Feeds generated without SITEURL or FEED_DOMAIN set properly may not be valid")]
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/source/{slug}.atom.xml"
FEED_ALL_RSS = CATEGORY_FEED_RSS = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None

DEFAULT_DATE_FORMAT = "%-d %B %Y"
TYPOGRIFY = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = True  # no stale pages from earlier builds
OUTPUT_RETENTION = [".git", ".nojekyll"]
