"""Conversations per match: the company's users, the flexjobber and the consultant.

Plain text only (rendered escaped, links made clickable by the template filter); a company and
a flexjobber may write once both have shown interest or a consultant has recommended the match;
the jobcentre's consultants once the company may open the match (everyone reads the whole
conversation); nobody after the person deleted their profile.
"""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.errors import ValidationFailed
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.matches.lifecycle import MatchContext, Outbox, company_users
from app.matches.policy import Party, company_knows, ensure_can_message
from app.models import ConversationRead, Message, User
from app.notifications import service as notifications

MAX_LENGTH = 5000


def send(db: Session, out: Outbox, sender: User, ctx: MatchContext, body: str) -> Message:
    ensure_can_message(ctx.party, ctx.match)
    text = body.replace("\r\n", "\n").strip()
    if not text:
        raise ValidationFailed(fields={"body": N_("Skriv en besked.")})
    if len(text) > MAX_LENGTH:
        raise ValidationFailed(fields={"body": N_("Beskeden må højst være 5000 tegn.")})
    message = Message(match_id=ctx.match.id, sender_id=sender.id, body=text)
    db.add(message)
    db.flush()
    audit.record(
        db, sender, "message.sent", "match", ctx.match.id, details={"message_id": message.id}
    )
    mark_read(db, sender, ctx.match.id)
    recipients = [u for u in participants(db, ctx) if u.id != sender.id]
    notifications.notify(db, out.settings, out.mailer, recipients, "message", ctx.match.id)
    return message


def participants(db: Session, ctx: MatchContext) -> list[User]:
    """Who is told of a message: only parties who may open the match."""
    people = [*company_users(db, ctx.job)] if company_knows(ctx.match) else []
    flexjobber = db.get(User, ctx.profile.user_id)
    if flexjobber is not None:
        people.append(flexjobber)
    if ctx.profile.consultant_id:
        consultant = db.get(User, ctx.profile.consultant_id)
        if consultant is not None:
            people.append(consultant)
    return people


def conversation(db: Session, reader: User, ctx: MatchContext) -> list[tuple[Message, User | None]]:
    rows: list[tuple[Message, User | None]] = [
        (message, sender)
        for message, sender in db.execute(
            select(Message, User)
            .outerjoin(User, User.id == Message.sender_id)
            .where(Message.match_id == ctx.match.id)
            .order_by(Message.created_at, Message.id)
        )
    ]
    if ctx.party != Party.ADMIN:
        mark_read(db, reader, ctx.match.id)
    return rows


def mark_read(db: Session, user: User, match_id: int) -> None:
    read = db.get(ConversationRead, (match_id, user.id))
    if read is None:
        db.add(ConversationRead(match_id=match_id, user_id=user.id, last_read_at=utcnow()))
    else:
        read.last_read_at = utcnow()


def unread_by_match(db: Session, user: User, match_ids: list[int]) -> dict[int, int]:
    if not match_ids:
        return {}
    rows = db.execute(
        select(Message.match_id, func.count(Message.id))
        .outerjoin(
            ConversationRead,
            and_(
                ConversationRead.match_id == Message.match_id, ConversationRead.user_id == user.id
            ),
        )
        .where(
            Message.match_id.in_(match_ids),
            or_(Message.sender_id.is_(None), Message.sender_id != user.id),
            or_(
                ConversationRead.last_read_at.is_(None),
                Message.created_at > ConversationRead.last_read_at,
            ),
        )
        .group_by(Message.match_id)
    )
    return {match_id: int(count) for match_id, count in rows}
