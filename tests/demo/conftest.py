import pytest
from django.test import override_settings


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    """Keep the pictures a module's demo attaches in a scratch folder, never in var/.

    The demo is loaded once per module, before the per-test media folder exists, so it gets
    a folder of its own for as long as the module runs.
    """
    media = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=media):
        yield media
