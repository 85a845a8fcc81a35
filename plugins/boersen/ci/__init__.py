"""Continuous integration: validator output for GitHub and GitLab, pull-request comments,
the nightly issue about offers nobody confirmed for a long time.

The workflows in .github/workflows/ and .gitlab-ci.yml only call into this package
(``boersen validate --format …`` and ``python -m boersen.ci …``).
"""
