from django.core.management.base import BaseCommand

from staffroom.livechat.services import chats_tick


class Command(BaseCommand):
    help = "Release due chat questions, send reminders and archive finished chats, once."

    def handle(self, *args, **options):
        counts = chats_tick()
        self.stdout.write(
            "Reminded {reminded} people, released {released} questions, "
            "archived {archived} chats.".format(**counts)
        )
