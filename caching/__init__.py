"""What Drivephase caches, and how a change makes it disappear: one mechanism shared by
every app (see caching/versions.py). A package beside the apps, importing none of them."""
