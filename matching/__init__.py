"""Fleksbro matching: ranks jobs for a person and people for a job, and says why.

A pure library: the web app feeds it records and stores what it returns.
"""

from matching.index import Filters, Match, MatchIndex
from matching.records import JobRecord, ProfileRecord

__all__ = ["Filters", "JobRecord", "Match", "MatchIndex", "ProfileRecord"]
