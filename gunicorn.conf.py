"""gunicorn reads this file from the working directory on every start (bin/serve, the Docker image).

The production settings refuse to start several processes without a shared cache; they learn
the number of processes from WEB_CONCURRENCY, which is set here from gunicorn's own setting, so a
`--workers 3` on the command line counts as well as the variable does.
"""

import os


def on_starting(server):
    # Runs in the master before any worker imports the settings (the app is not preloaded).
    os.environ["WEB_CONCURRENCY"] = str(server.cfg.workers)
