"""The form-to-repo bridge: a web form whose submissions become pull or merge requests.

A small Starlette app (``bridge.app``) served by uvicorn (``python -m bridge``, ``make bridge``).
It renders forms from the same schema the validator uses, checks every submission with the
project's validator, stores it durably in SQLite before answering, and a background worker
delivers it to GitHub or GitLab as a branch, a commit and a pull request, retrying until the
forge answers. Configuration comes only from ``BRIDGE_*`` environment variables.
"""
