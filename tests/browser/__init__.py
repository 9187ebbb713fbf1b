"""Browser tests: real JupyterLab in headless Debian Chromium."""
