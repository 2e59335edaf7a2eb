"""Every size limit on input, named in one place (request bodies, strings, lists, pages).

A limit here is the outer bound that protects the server; a domain may allow less (a
headline is shorter than a description) and says so in its own message.
"""

from __future__ import annotations

KB = 1024
MB = 1024 * KB

# Request bodies, refused with 413 before anything parses them (app.web.body_limit).
MAX_BODY_BYTES = 1 * MB
MAX_CV_BYTES = 5 * MB
MAX_CSV_BYTES = 2 * MB
MAX_IMAGE_BYTES = 2 * MB  # an article's image
# Multipart framing around an uploaded file (boundaries, headers, the CSRF field).
UPLOAD_OVERHEAD_BYTES = 64 * KB

# Strings.
MAX_SHORT_TEXT = 200  # names, titles, headlines, one skill, a search query
MAX_LONG_TEXT = 10_000  # descriptions, tasks, messages
MAX_EMAIL = 254  # RFC 5321

# Lists.
MAX_LIST_ITEMS = 40  # skills, languages, wished jobs, accommodations, schedule slots
MAX_ITEM_TEXT = 100  # one skill or language

# Numbers from outside: ids fit in a 32-bit signed integer column on every database.
MAX_ID = 2**31 - 1
# Any integer in a JSON body: the largest a JavaScript client can send exactly (2**53 - 1).
MAX_JSON_INT = 2**53 - 1
MAX_PAGE = 10_000
MAX_PAGE_SIZE = 100

# Bounds of typed numbers shared by postings, profiles, searches and match actions.
MIN_WEEKLY_HOURS, MAX_WEEKLY_HOURS = 1, 37  # a fleksjob's hours a week (a full week is 37)
MAX_DISTANCE_KM = 500  # the longest distance a search or a profile names
MIN_HOURLY_WAGE, MAX_HOURLY_WAGE = 1, 2000  # whole kroner an hour

# Saved things per person.
MAX_JOB_ALERTS = 20  # active job alerts ("jobagenter") per flexjobber

# Requests inside the app at once per worker; more wait their turn in the event loop. Fewer
# than the worker threads (40) and the database connections, so a request that holds a
# connection always finds a thread and one that holds a thread always finds a connection.
MAX_CONCURRENT_REQUESTS = 24
MAX_VIDEO_BYTES = 50 * MB  # an article's video (short films: a few minutes)
MAX_CAPTIONS_BYTES = 512 * 1024  # its WebVTT captions
