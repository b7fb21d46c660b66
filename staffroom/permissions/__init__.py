"""The one place that decides who may see and do what.

``can_*`` answers with a bool, ``check_*`` raises ``PermissionDenied`` and
``access_*`` fetches an object or raises ``Http404`` — the same answer for
"missing" and "not yours to see", so private things cannot be probed.
"""
