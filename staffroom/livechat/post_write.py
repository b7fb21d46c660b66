"""Saving a chat message with the counters it moves: on PostgreSQL, in one statement.

A post inserts the message and adds to its chat's and question's counters. Through the ORM
that is five round trips (the insert, two updates, BEGIN and COMMIT, with the question
and counter rows locked from the first update to the commit) and the Python work of
compiling three statements. In a burst, each server process saves its posts one after
the other in its one database thread, while the event loop fans the earlier ones out; on
the load bench a post's writes were half its time in that thread. PostgreSQL runs all
three writes as one statement (data-modifying WITH clauses), atomic without a transaction
of its own, whose SQL is built once per process. SQLite has no data-modifying WITH: there
the writes stay in a short transaction.
"""

import threading

from django.db import connections, transaction
from django.db.models import F

from staffroom.livechat.models import Chat, ChatMessage, ChatQuestion

_statements: dict[tuple[str, bool, bool], tuple[str, list]] = {}
_lock = threading.Lock()


def save_message(message: ChatMessage, *, known_poster: bool) -> None:
    """Insert ``message`` and count it in its chat (and question), and its author if new.

    ``known_poster``: the author is known to have posted in this chat before, so the
    participant count does not need asking. Call it outside any transaction for a
    one-statement save; inside one, the writes join it, as ORM writes would.
    """
    connection = connections[ChatMessage.objects.db]
    if connection.vendor != "postgresql":
        _save_with_orm(message, known_poster=known_poster)
        return
    with_question = message.question_id is not None
    sql, fields = _statement(connection, with_question=with_question, known_poster=known_poster)
    params = [field.get_db_prep_save(field.pre_save(message, True), connection) for field in fields]
    if not known_poster:
        params += [message.chat_id, message.author_id]
    params.append(message.chat_id)
    if with_question:
        params.append(message.question_id)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        (message.pk,) = cursor.fetchone()
    message._state.adding = False
    message._state.db = connection.alias


def _save_with_orm(message: ChatMessage, *, known_poster: bool) -> None:
    with transaction.atomic():
        # Inside, so two first posts from one member cannot both count them in.
        first = (
            not known_poster
            and not (
                ChatMessage.objects.filter(chat_id=message.chat_id, author_id=message.author_id)
            ).exists()
        )
        message.save(force_insert=True)
        Chat.objects.filter(pk=message.chat_id).update(
            message_count=F("message_count") + 1,
            participant_count=F("participant_count") + (1 if first else 0),
        )
        if message.question_id is not None:
            ChatQuestion.objects.filter(pk=message.question_id).update(
                answer_count=F("answer_count") + 1
            )


def _statement(connection, *, with_question: bool, known_poster: bool) -> tuple[str, list]:
    key = (connection.vendor, with_question, known_poster)
    found = _statements.get(key)
    if found is None:
        with _lock:
            found = _statements.setdefault(key, _build(connection, with_question, known_poster))
    return found


def _build(connection, with_question: bool, known_poster: bool) -> tuple[str, list]:
    """The statement's SQL and the message fields its first parameters are taken from.

    Names come from the models, so a renamed column cannot go unnoticed by this SQL. Within
    one statement every part sees the database as it was before the statement, so the
    "posted here before?" question does not see the new message.
    """
    quote = connection.ops.quote_name
    meta = ChatMessage._meta
    fields = [field for field in meta.concrete_fields if not field.primary_key]

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    messages, pk = quote(meta.db_table), quote(meta.pk.column)
    if known_poster:
        first = "0"
    else:
        first = (
            f"CASE WHEN EXISTS (SELECT 1 FROM {messages} WHERE {column(ChatMessage, 'chat')} = %s"
            f" AND {column(ChatMessage, 'author')} = %s) THEN 0 ELSE 1 END"
        )
    message_count = column(Chat, "message_count")
    participant_count = column(Chat, "participant_count")
    parts = [
        f"new_message AS (INSERT INTO {messages} ({', '.join(quote(f.column) for f in fields)})"
        f" VALUES ({', '.join(['%s'] * len(fields))}) RETURNING {pk})",
        f"counted AS (SELECT {first} AS first)",
        f"chat_counts AS (UPDATE {quote(Chat._meta.db_table)} SET"
        f" {message_count} = {message_count} + 1,"
        f" {participant_count} = {participant_count} + (SELECT first FROM counted)"
        f" WHERE {quote(Chat._meta.pk.column)} = %s)",
    ]
    if with_question:
        answer_count = column(ChatQuestion, "answer_count")
        parts.append(
            f"question_counts AS (UPDATE {quote(ChatQuestion._meta.db_table)} SET"
            f" {answer_count} = {answer_count} + 1"
            f" WHERE {quote(ChatQuestion._meta.pk.column)} = %s)"
        )
    sql = f"WITH {', '.join(parts)} SELECT {pk} FROM new_message"
    return sql, fields
