"""Programme templates that coaches copy and adapt.

Every text here is Drivephase's own wording, built on the five source articles described in
library/content/sources.py. Where an article gives a figure (the 3 s lowering and 1-2 s lifting
of eccentric reps, straight-leg bounds from 50 m to 100 m, 15-20 or 20-25 reps per leg for the
hip extension drills, 8-10 hip flexor stretches, planks of 30-60 s) the templates use it; sets,
loads, rest, days and the week-by-week progression are Drivephase coaching defaults.

Tempo is written lowering-pause-lifting-pause in seconds, with X for explosive: "3-0-1-0" means
three seconds down, no pause, one second up.

The module builds plain dicts and lists at import time and imports nothing, so it can be read
by a data migration, a management command or a test alike.
"""

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def _ex(
    exercise,
    sets=None,
    reps=None,
    *,
    per_side=False,
    hold=None,
    distance=None,
    contacts=None,
    duration=None,
    tempo=None,
    rest=None,
    load="",
    value=None,
    superset="",
    notes="",
):
    """One exercise entry with every key present. `reps` is a number or a (min, max) pair."""
    if reps is None:
        reps_min = reps_max = None
    elif isinstance(reps, tuple):
        reps_min, reps_max = reps
    else:
        reps_min = reps_max = reps
    return {
        "exercise": exercise,
        "sets": sets,
        "reps_min": reps_min,
        "reps_max": reps_max,
        "per_side": per_side,
        "hold_seconds": hold,
        "distance_m": distance,
        "ground_contacts": contacts,
        "duration_seconds": duration,
        "tempo": tempo,
        "rest_seconds": rest,
        "load_kind": load,
        "load_value": value if load in ("kg", "pct", "rpe") else None,
        "superset": superset,
        "notes": notes,
    }


def _workout(week, day, title, kind, exercises, notes=""):
    return {
        "week": week,
        "day": day,
        "title": title,
        "kind": kind,
        "notes": notes,
        "exercises": exercises,
    }


def _tempo(down, up=1, pause_bottom=0, pause_top=0):
    return f"{down}-{pause_bottom}-{up}-{pause_top}"


# --------------------------------------------------------------------------------------------
# 1. Eccentric hamstring block for the marathon (6 weeks, Tuesday and Friday)
# --------------------------------------------------------------------------------------------

# Per week: main sets, lowering seconds, RPE target, and whether the harder single-leg
# versions are in play. Week 6 drops back so the block ends fresh.
_ECC_WEEKS = {
    1: {"sets": 2, "down": 3, "rpe": 6, "single": False},
    2: {"sets": 3, "down": 3, "rpe": 7, "single": False},
    3: {"sets": 3, "down": 4, "rpe": 7, "single": True},
    4: {"sets": 4, "down": 4, "rpe": 7, "single": True},
    5: {"sets": 4, "down": 4, "rpe": 8, "single": True},
    6: {"sets": 2, "down": 3, "rpe": 6, "single": False},
}

_ECC_WEEK_NOTES = {
    1: "Learning week: two sets, three seconds down on every rep. Expect some soreness; it "
    "fades as the block goes on.",
    2: "A third set on the main lifts. Keep the three-second count honest.",
    3: "Lowering stretches to four seconds and single-leg work comes in. Lighten the load if "
    "you cannot control the whole count.",
    4: "Four sets on the main lifts and single-leg slider curls.",
    5: "Hardest week: same shape as last week at a higher effort. Keep it away from your key runs.",
    6: "Lighter week: fewer sets and back to three seconds down, so you finish the block fresh.",
}


def _eccentric_a(week):
    w = _ECC_WEEKS[week]
    down = _tempo(w["down"])
    deload = week == 6
    exercises = [
        _ex(
            "romanian-deadlift",
            w["sets"],
            6 if deload else ((6, 8) if week >= 4 else 8),
            tempo=down,
            rest=120,
            load="rpe",
            value=w["rpe"],
            notes="Lower over the full count, then stand up in one to two seconds.",
        ),
    ]
    if w["single"]:
        exercises.append(
            _ex(
                "single-leg-romanian-deadlift",
                2 if week == 3 else 3,
                8,
                per_side=True,
                tempo=down,
                rest=60,
                load="rpe",
                value=6 if week == 3 else 7,
                notes="Start with bodyweight or a light dumbbell; hips stay level.",
            )
        )
    else:
        exercises.append(
            _ex(
                "glute-bridge",
                w["sets"],
                12,
                tempo="2-0-1-2",
                rest=45,
                load="bw",
                notes="Hold the top for two seconds, squeezing the glutes.",
            )
        )
    exercises.append(
        _ex(
            "machine-hamstring-curl",
            min(w["sets"], 3) if w["single"] else w["sets"],
            8 if w["single"] else (8 if deload else 10),
            per_side=w["single"],
            tempo=down,
            rest=75,
            load="rpe",
            value=w["rpe"],
            notes=(
                "One leg at a time: curl up with both legs if needed, lower with one."
                if w["single"]
                else "Both legs; if the weight drops faster than the count, it is too heavy."
            ),
        )
    )
    return _workout(
        week,
        TUE,
        "Hamstrings A: Romanian deadlift and machine curl",
        "strength",
        exercises,
        _ECC_WEEK_NOTES[week],
    )


def _eccentric_b(week):
    w = _ECC_WEEKS[week]
    down = _tempo(w["down"])
    deload = week == 6
    single_slider = week in (4, 5)
    if single_slider:
        slider = _ex(
            "slider-hamstring-curl",
            3,
            (5, 6) if week == 4 else (6, 8),
            per_side=True,
            tempo=_tempo(3 if week == 4 else 4),
            rest=60,
            load="bw",
            notes="Single leg: the free leg stays raised. Drop back to two legs if the hips sag.",
        )
    else:
        slider = _ex(
            "slider-hamstring-curl",
            w["sets"],
            6 if deload else ((6, 8) if week == 1 else (8, 10)),
            tempo=down,
            rest=60,
            load="bw",
            notes="Both legs. Hips stay up while the heels slide out slowly.",
        )
    if week >= 4 and not deload:
        bridge = _ex(
            "stability-ball-single-leg-glute-bridge",
            2,
            (15, 20) if week == 5 else 15,
            per_side=True,
            tempo="2-0-2-1",
            rest=45,
            load="bw",
            notes="The ball makes the hips work harder to stay level.",
        )
    else:
        bridge = _ex(
            "single-leg-glute-bridge",
            2,
            {1: 15, 2: (15, 20), 3: 20, 6: 15}[week],
            per_side=True,
            tempo="2-0-1-1",
            rest=45,
            load="bw",
            notes="",
        )
    exercises = [
        _ex(
            "stiff-leg-deadlift",
            w["sets"],
            6 if deload or week == 5 else 8,
            tempo=down,
            rest=120,
            load="rpe",
            value=min(w["rpe"], 7),
            notes="Lighter than your Romanian deadlift; stop where your back would round.",
        ),
        slider,
        bridge,
    ]
    return _workout(
        week,
        FRI,
        "Hamstrings B: stiff-leg deadlift and slider curl",
        "strength",
        exercises,
        "Keep at least one easy day between this session and your long run.",
    )


ECCENTRIC_HAMSTRING_BLOCK = {
    "slug": "eccentric-hamstring-block-marathon",
    "title": "Eccentric hamstring block for the marathon",
    "goal": "Stronger, more durable hamstrings for marathon runners through slow-lowering curls "
    "and deadlifts.",
    "description": (
        "Runners tend to train the quads and neglect the hamstrings, yet the hamstrings and "
        "glutes drive the leg back under you in every stride, so this block moves strength time "
        "to the back of the thigh. Every rep of the curls and deadlifts is eccentric-focused: a "
        "tempo of 3-0-1-0 means about three seconds lowering, no pause, then a quicker lift of "
        "one to two seconds, the starting point the article suggests. Over six weeks it adds a "
        "set, stretches the lowering to four seconds and brings in single-leg Romanian deadlifts, "
        "single-leg curls and a stability-ball bridge, then eases off in week 6. The sessions "
        "sit on Tuesday and Friday for a week with a Thursday quality session and a Sunday long "
        "run; move them so neither falls on the day before a long run or hard session, and expect "
        "extra soreness in the first fortnight."
    ),
    "weeks": 6,
    "workouts": [w for week in range(1, 7) for w in (_eccentric_a(week), _eccentric_b(week))],
}


# --------------------------------------------------------------------------------------------
# 2. Hip extension drill set (6 weeks, Tuesday and Friday)
# --------------------------------------------------------------------------------------------


def _hip_extension(week, day):
    bound_m = 40 + 10 * week  # 50, 60, 70, 80, 90, 100 m
    on_ball = week >= 4
    exercises = [
        _ex(
            "theraband-drive-back",
            2 if week <= 3 else 3,
            20 if week <= 2 else (20, 25) if week == 3 else 25,
            per_side=True,
            tempo="3-0-X-0",
            rest=30,
            notes="Quick drive back from the glutes and hamstrings, slow return. Light band.",
        ),
        _ex(
            "straight-leg-bound",
            3,
            per_side=False,
            distance=bound_m,
            rest=90,
            load="bw",
            notes=(
                f"{bound_m} m per rep; walk back to recover. Quality over distance: stop the rep "
                "early if your legs start to bend or contacts get heavy."
            ),
        ),
        _ex(
            "stability-ball-single-leg-glute-bridge" if on_ball else "single-leg-glute-bridge",
            2,
            {1: 15, 2: (15, 20), 3: 20, 4: 15, 5: (15, 20), 6: 20}[week],
            per_side=True,
            tempo="2-0-2-1" if on_ball else "2-0-1-1",
            rest=45,
            load="bw",
            notes="Foot on the ball from week 4; back to the floor if the hips tilt."
            if on_ball
            else "",
        ),
        _ex(
            "banded-donkey-kick",
            2 if week <= 3 else 3,
            {1: 15, 2: (15, 20), 3: 20, 4: 15, 5: (15, 20), 6: 20}[week],
            per_side=True,
            tempo="2-0-1-1",
            rest=30,
            notes="",
        ),
        _ex(
            "two-joint-hip-flexor-stretch",
            1,
            8 if week <= 2 else (8, 10) if week <= 4 else 10,
            per_side=True,
            notes="Let the lowered leg hang and relax for a breath or two each time.",
        ),
    ]
    first = day == TUE
    return _workout(
        week,
        day,
        f"Hip extension drills: bounds {bound_m} m",
        "drills",
        exercises,
        (
            "After a 10-minute easy jog. Bounds stay fresh near the start; the band, bridge and "
            "kick work follows, and the stretch comes last."
            if first
            else "Same set as Tuesday. Skip the bounds if your legs are heavy from the week."
        ),
    )


HIP_EXTENSION_DRILL_SET = {
    "slug": "hip-extension-drill-set",
    "title": "Hip extension drill set",
    "goal": "A more powerful hip drive in the stride from band, bridge, bounding and stretching "
    "drills, for any runner.",
    "description": (
        "Much of a runner's forward drive comes from the hip extensors, the glutes and hamstrings "
        "sweeping the thigh back once the foot lands, so this set trains that action directly. It "
        "pairs the five drills the article groups together: band drive-backs (20-25 per leg), "
        "single-leg glute bridges (15-20 per leg, on a stability ball to make them harder), "
        "banded donkey kicks (15-20 per leg), straight-leg bounds and the two-joint hip flexor "
        "stretch (8-10 times). The bounds start at 50 m and grow by 10 m a week to the article's "
        "100 m in week 6, while the bridge moves onto the ball and the band work gains a set from "
        "week 4. Do it twice a week after a short warm-up jog, ideally before an easy run, and "
        "not on the day before a long run or hard session."
    ),
    "weeks": 6,
    "workouts": [_hip_extension(week, day) for week in range(1, 7) for day in (TUE, FRI)],
}


# --------------------------------------------------------------------------------------------
# 3. Activation before runs (4 weeks, 2-3 run days a week)
# --------------------------------------------------------------------------------------------


def _activation(week, day):
    exercises = [
        _ex(
            "ankle-mobility-drill",
            1,
            10,
            per_side=True,
            notes="Easy range only: this is to get the ankles moving.",
        ),
    ]
    if week <= 2:
        exercises.append(
            _ex(
                "glute-bridge",
                2,
                10,
                tempo="2-0-1-2",
                rest=15,
                load="bw",
                notes="Squeeze the glutes at the top for two seconds.",
            )
        )
    else:
        exercises.append(
            _ex(
                "single-leg-glute-bridge",
                1,
                10,
                per_side=True,
                tempo="2-0-1-1",
                rest=15,
                load="bw",
                notes="Ten per leg is plenty here; save the long sets for strength days.",
            )
        )
    if week >= 2:
        exercises.append(
            _ex(
                "lateral-band-walk",
                1 if week == 2 else 2,
                10,
                per_side=True,
                rest=15,
                notes="Light band; steps each way.",
            )
        )
    if week == 3:
        exercises.append(
            _ex(
                "banded-donkey-kick",
                1,
                10,
                per_side=True,
                tempo="2-0-1-1",
                rest=15,
                notes="",
            )
        )
    if week == 4:
        exercises.append(
            _ex(
                "theraband-drive-back",
                1,
                10,
                per_side=True,
                tempo="3-0-X-0",
                rest=15,
                notes="Standing drive-back: the closest of these moves to the running stride.",
            )
        )
    exercises.append(
        _ex(
            "bouncy-bodyweight-squat",
            1,
            10 if week == 1 else (10, 15),
            load="bw",
            notes="Last thing before you set off: light and springy, glutes switching on.",
        )
    )
    return _workout(
        week,
        day,
        "Pre-run activation",
        "activation",
        exercises,
        "About 10 minutes, straight before the run. Low effort: you should start the run "
        "fresher, not tired. It does not replace an easy first few minutes of running.",
    )


_ACTIVATION_DAYS = {1: (TUE, SUN), 2: (TUE, THU, SUN), 3: (TUE, THU, SUN), 4: (TUE, THU, SUN)}

ACTIVATION_BEFORE_RUNS = {
    "slug": "activation-before-runs",
    "title": "Activation before runs",
    "goal": "A 10-minute glute and hip routine before runs that switches on the right muscles, "
    "for any runner.",
    "description": (
        "A few easy strength moves just before a run wake up the muscles you want working, the "
        "glutes above all, and carry the pattern straight into your first strides; one article's "
        "author does this with a handful of bouncy bodyweight squats. The routine keeps that "
        "squat as its final move and adds ankle circles, bridges and band work for the glutes "
        "and the gluteus medius that keeps the thigh under the hip. Week 1 runs it twice, then "
        "three times a week: a band walk joins in week 2, single-leg bridges and donkey kicks in "
        "week 3, and in week 4 a standing band drive-back replaces the kicks, always at one or "
        "two short sets. It is set before Tuesday, Thursday and "
        "Sunday runs; move it to your quality sessions and long run if those fall on other days, "
        "and keep it easy."
    ),
    "weeks": 4,
    "workouts": [_activation(week, day) for week in range(1, 5) for day in _ACTIVATION_DAYS[week]],
}


# --------------------------------------------------------------------------------------------
# 4. Whole-leg strength foundation (8 weeks, Tuesday and Friday)
# --------------------------------------------------------------------------------------------

# Weeks 4 and 8 are lighter; weeks 5-7 build on weeks 1-3 with more sets and harder versions.
_FOUNDATION_RPE = {1: 6, 2: 7, 3: 7, 4: 6, 5: 7, 6: 8, 7: 8, 8: 6}
_FOUNDATION_NOTES = {
    1: "Learning week: moderate effort, every rep clean. Squats stay bodyweight for now.",
    2: "Same exercises, a little more effort.",
    3: "Squats take a weight and bridges become hip thrusts.",
    4: "Lighter week: fewer sets at an easy effort to absorb the first three weeks.",
    5: "Second block: a fourth set on the hinges, single-leg curls and calf raises, "
    "forward lunges.",
    6: "Heavier: fewer reps on the main lifts at a higher effort.",
    7: "Hardest week of the programme. Keep at least a day between this and your key runs.",
    8: "Lighter week to finish fresh. Note your working weights for the next programme.",
}


def _foundation_a(week):
    rpe = _FOUNDATION_RPE[week]
    light = week in (4, 8)
    second = week >= 5
    if week <= 2:
        squat = _ex(
            "bodyweight-squat",
            3,
            (12, 15),
            tempo="2-0-1-0",
            rest=60,
            load="bw",
            notes="Hips and knees bend together, lower back stays long.",
        )
    else:
        squat = _ex(
            "weighted-squat",
            {3: 3, 4: 2, 5: 3, 6: 3, 7: 3, 8: 2}[week],
            {3: (8, 10), 4: 8, 5: 8, 6: (6, 8), 7: 6, 8: 6}[week],
            tempo="3-0-1-0",
            rest=120,
            load="rpe",
            value=rpe,
            notes="Add weight in small steps, only while form holds.",
        )
    exercises = [
        squat,
        _ex(
            "romanian-deadlift",
            2 if light else (4 if second else 3),
            {1: 10, 2: 10, 3: 8, 4: 8, 5: 8, 6: (6, 8), 7: 6, 8: 6}[week],
            tempo="3-0-1-0",
            rest=120,
            load="rpe",
            value=rpe,
            notes="Three seconds down, one to two up. Get coached on the hinge before loading it.",
        ),
        _ex(
            "machine-hamstring-curl",
            2 if light else 3,
            8 if second and not light else (10, 12),
            per_side=second and not light,
            tempo="3-0-1-0",
            rest=75,
            load="rpe",
            value=rpe,
            notes="One leg at a time from week 5." if second and not light else "",
        ),
        _ex(
            "standing-calf-raise",
            2 if light else 3,
            (10, 12) if second and not light else (12, 15),
            per_side=second and not light,
            tempo="3-0-1-1",
            rest=30,
            load="bw",
            superset="A",
            notes="Single leg from week 5; hold a dumbbell once 12 clean reps feel easy."
            if second and not light
            else "Heels drop below the step on the way down.",
        ),
        _ex(
            "plank",
            2 if light else 3,
            hold={1: 30, 2: 35, 3: 40, 4: 30, 5: 45, 6: 50, 7: 60, 8: 45}[week],
            rest=45,
            load="bw",
            superset="A",
            notes="Straight line from head to heels; end the hold when the hips sag.",
        ),
        _ex(
            "hip-flexor-lunge-stretch",
            1 if light else 2,
            hold=30,
            per_side=True,
            notes="To finish: glute of the back leg tight, pelvis tucked.",
        ),
    ]
    return _workout(
        week,
        TUE,
        "Foundation A: squat, hinge and calves",
        "strength",
        exercises,
        _FOUNDATION_NOTES[week],
    )


def _foundation_b(week):
    rpe = _FOUNDATION_RPE[week]
    light = week in (4, 8)
    second = week >= 5
    loaded = week >= 3
    if week <= 2:
        hips = _ex(
            "glute-bridge",
            3,
            (12, 15),
            tempo="2-0-1-2",
            rest=45,
            load="bw",
            notes="",
        )
    else:
        hips = _ex(
            "hip-thrust",
            2 if light else (4 if second else 3),
            {3: (10, 12), 4: 10, 5: (8, 10), 6: 8, 7: 8, 8: 8}[week],
            tempo="2-0-1-1",
            rest=90,
            load="rpe",
            value=rpe,
            notes="Shoulders on a bench, weight over the hips, one-second squeeze at the top.",
        )
    lunge = "forward-lunge" if second else "reverse-lunge"
    exercises = [
        _ex(
            "single-leg-romanian-deadlift",
            2 if light else 3,
            8,
            per_side=True,
            tempo="3-0-1-0",
            rest=60,
            load="rpe" if loaded else "bw",
            value=rpe if loaded else None,
            notes="Bodyweight for two weeks, then a dumbbell in the opposite hand."
            if week <= 2
            else "Hips square to the floor.",
        ),
        hips,
        _ex(
            lunge,
            2 if light else 3,
            (8, 10),
            per_side=True,
            tempo="2-0-1-0",
            rest=60,
            load="rpe" if loaded else "bw",
            value=rpe if loaded else None,
            notes={
                1: "Bodyweight for now; dumbbells from week 3.",
                2: "Bodyweight for now; dumbbells from week 3.",
                5: "Forward lunges from this week: braking into the step is harder on the knee.",
            }.get(week, "Hold a pair of dumbbells."),
        ),
        _ex(
            "dorsiflexion-calf-raise",
            2 if light else 3,
            (12, 15),
            tempo="2-0-1-1",
            rest=30,
            load="bw",
            superset="A",
            notes="Up on the toes, back on the heels with the toes lifted: shins and calves.",
        ),
        _ex(
            "russian-twist",
            2 if light else 3,
            (10, 12),
            per_side=True,
            rest=45,
            load="bw" if week <= 2 else "kg",
            value=None if week <= 2 else (4 if week <= 4 else 6),
            superset="A",
            notes="Feet off the floor from week 5." if second else "",
        ),
        _ex(
            "standing-calf-stretch",
            1 if light else 2,
            hold=30,
            per_side=True,
            notes="To finish, straight knee then bent knee.",
        ),
    ]
    return _workout(
        week,
        FRI,
        "Foundation B: single leg, hips and shins",
        "strength",
        exercises,
        "Keep at least one easy day between this session and your long run.",
    )


WHOLE_LEG_FOUNDATION = {
    "slug": "whole-leg-strength-foundation",
    "title": "Whole-leg strength foundation",
    "goal": "Balanced strength in hamstrings, glutes, quads, calves, shins and core for runners "
    "new to the gym or returning to it.",
    "description": (
        "Running leans on every muscle of the leg, but the hamstrings and glutes produce much of "
        "the forward drive while squats and lunges mostly train the quads, so this programme "
        "gives the back of the leg at least as many sets as the front. Each week has two "
        "sessions: A pairs a squat with a Romanian deadlift and a hamstring curl, then calves, "
        "plank and a hip flexor stretch; B uses single-leg hinges, bridges or hip thrusts, lunges, "
        "shin-focused calf raises and rotation work. Weeks 1-3 build from bodyweight squats and "
        "bridges to loaded squats and hip thrusts, week 4 is lighter, weeks 5-7 add sets and "
        "harder versions (single-leg curls and calf raises, forward lunges, longer planks up to "
        "a minute) and week 8 eases off again. Place the sessions on Tuesday and Friday or any "
        "two days that keep them off the day before a long run or hard session; lowering "
        "tempos such as 3-0-1-0 mean three seconds down and one up."
    ),
    "weeks": 8,
    "workouts": [w for week in range(1, 9) for w in (_foundation_a(week), _foundation_b(week))],
}


# --------------------------------------------------------------------------------------------
# 5. Hamstring running technique (4 weeks, Wednesday and Saturday easy runs)
# --------------------------------------------------------------------------------------------

_TECHNIQUE_WEEKS = {
    1: {"run": 900, "reps": 4, "metres": 80},
    2: {"run": 1200, "reps": 5, "metres": 100},
    3: {"run": 1200, "reps": 6, "metres": 100},
    4: {"run": 1500, "reps": 6, "metres": 100},
}


def _technique(week, day):
    w = _TECHNIQUE_WEEKS[week]
    exercises = [
        _ex(
            "heel-lift-run",
            1,
            duration=w["run"],
            notes=(
                "Easy pace, outdoors if you can: a treadmill belt does some of the hamstrings' "
                "work. Notice whether the back foot lifts or skims the ground, and lift it a "
                "little more only if it skims."
            ),
        ),
        _ex(
            "pull-emphasis-run",
            w["reps"],
            distance=w["metres"],
            rest=60,
            notes=(
                "Controlled pace, well short of a sprint. Think of pulling the ground back under "
                "your hips, then let the leg trail behind without forcing it."
            ),
        ),
    ]
    return _workout(
        week,
        day,
        "Heel lift and pull: technique run",
        "drills",
        exercises,
        (
            "The pulls go in the second half of the run, walking or jogging back between them."
            if week < 4
            else "Try to carry the pull feel into the easy running between the reps."
        ),
    )


HAMSTRING_TECHNIQUE = {
    "slug": "heel-lift-and-pull-technique",
    "title": "Heel lift and pull: hamstring running technique",
    "goal": "A running action that uses the hamstrings more and spares the hip flexors, for "
    "runners whose back foot stays low.",
    "description": (
        "A back foot that skims the ground leaves the hamstrings under-used and makes the hip "
        "flexors work overtime, and running itself can train the hamstrings hard when the stride "
        "is built around pulling the ground back. This block practises both on short easy runs, "
        "never the long run: first notice how your back foot leaves the ground, then add short "
        "sections of pull-focused running at a controlled pace. The runs lengthen from 15 to 25 "
        "minutes and the pull sections grow from four by 80 m to six by 100 m. Heel height should "
        "match your pace and come from a good hip drive, not from curling the heel up on purpose; "
        "change it a little at a time until it feels natural."
    ),
    "weeks": 4,
    "workouts": [_technique(week, day) for week in range(1, 5) for day in (WED, SAT)],
}


TEMPLATES = [
    ECCENTRIC_HAMSTRING_BLOCK,
    HIP_EXTENSION_DRILL_SET,
    ACTIVATION_BEFORE_RUNS,
    WHOLE_LEG_FOUNDATION,
    HAMSTRING_TECHNIQUE,
]
