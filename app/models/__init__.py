"""ORM models. Importing this package registers every table on Base.metadata."""

from app.models.api_token import ApiToken
from app.models.article import (
    ARTICLE_DRAFT,
    ARTICLE_PUBLISHED,
    Article,
    ArticleImage,
    ArticleVideo,
)
from app.models.audit_event import AuditEvent
from app.models.base import Base
from app.models.callback import CALLBACK_DONE, CALLBACK_OPEN, CallbackRequest
from app.models.company import Company, CompanyMember
from app.models.consent import Consent
from app.models.event import (
    AUDIENCES,
    EVENT_CANCELLED,
    EVENT_DRAFT,
    EVENT_PUBLISHED,
    SIGNUP_CANCELLED,
    SIGNUP_CONFIRMED,
    SIGNUP_WAITING,
    Event,
    EventSignup,
)
from app.models.follow_up import FollowUp
from app.models.import_receipt import ImportReceipt
from app.models.job_alert import ALERT_MATCHES, ALERT_SEARCH, FREQUENCIES, JobAlert
from app.models.job_posting import JobPosting, JobType, PostingStatus
from app.models.jobcentre import Jobcentre
from app.models.login_failure import LoginFailure
from app.models.match import Match, MatchEvent, MatchState
from app.models.message import ConversationRead, Message
from app.models.monthly_target import MonthlyTarget
from app.models.notification import Notification
from app.models.one_time_link import LinkPurpose, OneTimeLink
from app.models.profile import AccommodationNeeds, FlexjobberProfile, JobseekerStatus, Visibility
from app.models.rate_event import RateEvent
from app.models.session import UserSession
from app.models.sign_in import SignIn, SignInMethod, SignInMonth
from app.models.status_change import ProfileStatusChange
from app.models.team import Team
from app.models.user import Role, User

__all__ = [
    "ALERT_MATCHES",
    "ALERT_SEARCH",
    "ARTICLE_DRAFT",
    "ARTICLE_PUBLISHED",
    "AUDIENCES",
    "CALLBACK_DONE",
    "CALLBACK_OPEN",
    "EVENT_CANCELLED",
    "EVENT_DRAFT",
    "EVENT_PUBLISHED",
    "FREQUENCIES",
    "SIGNUP_CANCELLED",
    "SIGNUP_CONFIRMED",
    "SIGNUP_WAITING",
    "AccommodationNeeds",
    "ApiToken",
    "Article",
    "ArticleImage",
    "ArticleVideo",
    "AuditEvent",
    "Base",
    "CallbackRequest",
    "Company",
    "CompanyMember",
    "Consent",
    "ConversationRead",
    "Event",
    "EventSignup",
    "FlexjobberProfile",
    "FollowUp",
    "ImportReceipt",
    "JobAlert",
    "JobPosting",
    "JobType",
    "Jobcentre",
    "JobseekerStatus",
    "LinkPurpose",
    "LoginFailure",
    "Match",
    "MatchEvent",
    "MatchState",
    "Message",
    "MonthlyTarget",
    "Notification",
    "OneTimeLink",
    "PostingStatus",
    "ProfileStatusChange",
    "RateEvent",
    "Role",
    "SignIn",
    "SignInMethod",
    "SignInMonth",
    "Team",
    "User",
    "UserSession",
    "Visibility",
]
