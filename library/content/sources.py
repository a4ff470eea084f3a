"""The five source articles the library content was written from.

The articles themselves are not shipped; every text in this package is written in
Drivephase's own words. Keys a0-a4 are used in the ``sources`` lists of exercises and
guides.
"""

ARTICLES = [
    {
        "key": "a0",
        "title": "Hamstring strength for a faster marathon",
        "summary": (
            "Running coach Kyle Brooks (Norwich, Norfolk) argues that runners spend most of their "
            "strength time on quad-heavy moves and should move some of it to the hamstrings, "
            "using deadlift variations, many kinds of hamstring curl, pull-focused running and "
            "slow-lowering (eccentric) repetitions."
        ),
    },
    {
        "key": "a1",
        "title": "Heel lift and hamstring use while running",
        "summary": (
            "Shows how a low back foot leaves the hamstrings under-used and the hip flexors "
            "overworked, notes that a treadmill belt reduces hamstring work, and advises raising "
            "the heel gradually and in proportion to pace."
        ),
    },
    {
        "key": "a2",
        "title": "Hip extension: where stride power comes from",
        "summary": (
            "Explains hip extension and its short drive phase as the main source of running power, "
            "describes the recovery phase and the small role of the hamstrings in lifting the "
            "heel, and gives five band, bridge, bounding and stretching exercises."
        ),
    },
    {
        "key": "a3",
        "title": "How strength training shapes running technique",
        "summary": (
            "Argues that strength work improves running through coordination, hip stability, "
            "posture, reduced antagonist co-activation and faster muscle activation, not just "
            "bigger muscles, and that exercises should resemble running movements."
        ),
    },
    {
        "key": "a4",
        "title": "Key muscles for running speed and how to train them",
        "summary": (
            "Surveys the quadriceps, hamstrings, glutes and calves plus the core, hip flexors and "
            "ankle dorsiflexors, and lists ten strength and stretching exercises for them."
        ),
    },
]
