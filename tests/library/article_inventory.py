"""Independent checklist of what each source article describes.

Compiled by re-reading the five seed articles (a0-a4, see library/content/sources.py) and
listing every exercise, drill, stretch and activation move, and every technique guide, that
each article teaches. Tests assert that each slug exists in the library and is published.
"""

INVENTORY = {
    # a0: hamstring strength for a faster marathon
    "a0": {
        "exercises": [
            "bodyweight-squat",  # "squats"
            "forward-lunge",  # "lunges"
            "burpee",
            "conventional-deadlift",  # "deadlifts"
            "romanian-deadlift",
            "stiff-leg-deadlift",
            "single-leg-romanian-deadlift",  # "single leg variations"
            "machine-hamstring-curl",  # "gym machines"
            "resistance-band-hamstring-curl",
            "dumbbell-hamstring-curl",
            "suspension-trainer-hamstring-curl",
            "slider-hamstring-curl",
            "pull-emphasis-run",  # running with an emphasis on pulling
        ],
        "guides": [
            "concentric-vs-eccentric",
            "hamstring-strength-for-runners",
            "hip-extension-drive-phase",  # propulsion as hamstring pull + hip extension
            "antagonist-co-activation",  # quads versus hamstrings balance
        ],
    },
    # a1: heel lift and hamstring use while running
    "a1": {
        "exercises": [
            "heel-lift-run",
        ],
        "guides": [
            "heel-lift-recovery-phase",
            "hamstring-strength-for-runners",
        ],
    },
    # a2: hip extension and the drive phase
    "a2": {
        "exercises": [
            "theraband-drive-back",
            "single-leg-glute-bridge",
            "stability-ball-single-leg-glute-bridge",
            "banded-donkey-kick",
            "straight-leg-bound",
            "two-joint-hip-flexor-stretch",
        ],
        "guides": [
            "hip-extension-drive-phase",
            "heel-lift-recovery-phase",
        ],
    },
    # a3: strength training and running technique
    "a3": {
        "exercises": [
            "bodyweight-squat",  # "squats (of all varieties)"
            "weighted-squat",
            "forward-lunge",  # "a few squats or lunges"
            "glute-bridge",  # "bridging"
            "leg-press",  # posture demonstration on the leg press machine
            "bouncy-bodyweight-squat",  # pre-run activation
        ],
        "guides": [
            "strength-training-and-running-technique",
            "stability-and-posture",
            "antagonist-co-activation",
            "activation-before-a-run",
        ],
    },
    # a4: the muscles used in running faster
    "a4": {
        "exercises": [
            "bodyweight-squat",
            "weighted-squat",
            "forward-lunge",
            "reverse-lunge",
            "lateral-lunge",
            "step-up",
            "conventional-deadlift",
            "machine-hamstring-curl",  # "hamstring curls"
            "glute-bridge",
            "hip-thrust",
            "lateral-band-walk",
            "standing-calf-raise",
            "machine-calf-raise",
            "dorsiflexion-calf-raise",
            "ankle-mobility-drill",
            "jump-rope",
            "standing-calf-stretch",
            "plank",
            "russian-twist",
            "bicycle-crunch",
            "leg-raise",
            "mountain-climber",
            "hip-flexor-lunge-stretch",
        ],
        "guides": [
            "muscles-for-running-faster",
            "stability-and-posture",
            "hamstring-strength-for-runners",
        ],
    },
}
