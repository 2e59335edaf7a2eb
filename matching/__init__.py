"""Fleksbro matching: ranks jobs for a person and people for a job, and says why.

A pure library: the web app feeds it records and stores what it returns.
"""

from matching.filters import Filters
from matching.index import Match, MatchIndex
from matching.records import JobRecord, ProfileRecord

__all__ = ["Filters", "JobRecord", "Match", "MatchIndex", "ProfileRecord"]
