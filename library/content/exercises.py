"""Exercises, drills, stretches and activation moves described in the source articles.

All texts are Drivephase's own wording. Figures taken from an article are named in the
prescription note; anything else in a prescription is a Drivephase default.
"""

HAMSTRINGS = ["biceps-femoris", "semitendinosus", "semimembranosus"]
QUADS = ["rectus-femoris", "vastus-lateralis", "vastus-medialis", "vastus-intermedius"]
CALVES = ["gastrocnemius", "soleus"]

ECCENTRIC_TEMPO_NOTE = (
    "Tempo follows the starting point the source article gives for eccentric work: about 3 s lowering, "
    "then 1-2 s lifting."
)


def _rx(
    sets=None,
    reps_min=None,
    reps_max=None,
    per_side=False,
    hold_seconds=None,
    distance_m=None,
    ground_contacts=None,
    duration_seconds=None,
    tempo=None,
    rest_seconds=None,
    note="",
):
    """Build a prescription dict with every key present."""
    return {
        "sets": sets,
        "reps_min": reps_min,
        "reps_max": reps_max,
        "per_side": per_side,
        "hold_seconds": hold_seconds,
        "distance_m": distance_m,
        "ground_contacts": ground_contacts,
        "duration_seconds": duration_seconds,
        "tempo": tempo,
        "rest_seconds": rest_seconds,
        "note": note,
    }


EXERCISES = [
    # ------------------------------------------------------------------ deadlift family
    {
        "slug": "conventional-deadlift",
        "name": "Conventional deadlift",
        "kind": "strength",
        "summary": (
            "A barbell lift from the floor to standing, driven by extending the hips. It loads the "
            "hamstrings, glutes and lower back together, the same chain that sends the leg "
            "backwards in the running stride."
        ),
        "steps": [
            "Stand with the bar over the middle of your feet, feet roughly hip-width apart.",
            "Push your hips back and bend your knees until you can grip the bar just outside "
            "your shins.",
            "Brace your trunk, set a long flat back and take the slack out of the bar before it "
            "leaves the floor.",
            "Press the floor away and bring your hips forward until you stand tall, keeping the "
            "bar close to your legs.",
            "Send your hips back first and lower the bar to the floor under control.",
        ],
        "cues": [
            "Push the floor away, then hips through",
            "Bar stays brushing your legs",
            "Long, flat back from start to finish",
        ],
        "safety": [
            "Have a qualified coach teach you the lift in person before you load it; The source article "
            "recommends tuition for both safety and benefit.",
            "Begin with light weights and add load only while your form stays the same on every "
            "rep.",
        ],
        "primary_muscles": ["gluteus-maximus", *HAMSTRINGS],
        "secondary_muscles": [
            "erector-spinae",
            "adductor-magnus",
            "vastus-lateralis",
            "vastus-medialis",
            "transversus-abdominis",
        ],
        "equipment": ["barbell"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=5,
            reps_max=6,
            tempo="2-0-1-0",
            rest_seconds=150,
            note="Drivephase default. Keep the load moderate: the aim is hip-extension strength, "
            "not a maximal lift.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("romanian-deadlift", "alternative"),
            ("stiff-leg-deadlift", "alternative"),
            ("single-leg-romanian-deadlift", "alternative"),
        ],
        "sources": ["a0", "a4"],
    },
    {
        "slug": "romanian-deadlift",
        "name": "Romanian deadlift",
        "kind": "strength",
        "summary": (
            "A hip hinge from standing in which the weight travels down the front of the thighs "
            "with the knees softly bent. It loads the hamstrings as they lengthen, which suits the "
            "slow-lowering tempo recommended for runners."
        ),
        "steps": [
            "Stand tall holding a barbell or a pair of dumbbells at your thighs, feet hip-width "
            "apart and knees unlocked.",
            "Push your hips straight back so your torso tips forward while your back stays flat.",
            "Slide the weight down close to your legs over about three seconds until you feel a "
            "strong stretch behind your thighs, usually around knee to mid-shin height.",
            "Drive your hips forward to stand up in one to two seconds, finishing with your "
            "glutes squeezed.",
        ],
        "cues": [
            "Hips back, not down",
            "Weight stays close to your legs",
            "Three seconds down, quick up",
        ],
        "safety": [
            "End the descent where your back starts to round; the depth comes from the hips, not "
            "the spine.",
            "Get in-person coaching on deadlift patterns before loading them heavily.",
        ],
        "primary_muscles": [*HAMSTRINGS, "gluteus-maximus"],
        "secondary_muscles": ["erector-spinae", "adductor-magnus"],
        "equipment": ["barbell", "dumbbell"],
        "unilateral": False,
        "emphasis": "eccentric",
        "prescription": _rx(
            sets=3,
            reps_min=8,
            reps_max=10,
            tempo="3-0-1-0",
            rest_seconds=90,
            note=ECCENTRIC_TEMPO_NOTE + " Sets and reps are a Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("single-leg-romanian-deadlift", "progression"),
            ("stiff-leg-deadlift", "progression"),
            ("conventional-deadlift", "alternative"),
        ],
        "sources": ["a0"],
    },
    {
        "slug": "stiff-leg-deadlift",
        "name": "Stiff-leg deadlift",
        "kind": "strength",
        "summary": (
            "A deadlift with the knees kept almost straight, so the hips and hamstrings do nearly "
            "all the work. It pushes the hamstrings further into their stretched range than the "
            "Romanian version and so hits the muscle group in a different way."
        ),
        "steps": [
            "Stand holding the bar at your thighs with your knees only slightly bent; keep that "
            "knee angle fixed for the whole set.",
            "Hinge forward from the hips and lower the bar along your legs towards your shins or "
            "the floor over about three seconds.",
            "Go only as deep as you can while your back stays flat.",
            "Drive your hips forward to stand up, tightening your glutes and hamstrings.",
        ],
        "cues": [
            "Fix the knee angle, move only at the hips",
            "A flat back decides your depth",
            "Feel the hamstrings load on the way down",
        ],
        "safety": [
            "Use lighter loads than for a Romanian deadlift: the straighter knee puts more "
            "stretch on the hamstrings and the lower back.",
            "Learn the movement from a coach first.",
        ],
        "primary_muscles": HAMSTRINGS,
        "secondary_muscles": ["gluteus-maximus", "erector-spinae", "adductor-magnus"],
        "equipment": ["barbell", "dumbbell"],
        "unilateral": False,
        "emphasis": "eccentric",
        "prescription": _rx(
            sets=3,
            reps_min=8,
            reps_max=8,
            tempo="3-0-1-0",
            rest_seconds=90,
            note=ECCENTRIC_TEMPO_NOTE + " Sets and reps are a Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("romanian-deadlift", "regression"),
            ("single-leg-romanian-deadlift", "alternative"),
        ],
        "sources": ["a0"],
    },
    {
        "slug": "single-leg-romanian-deadlift",
        "name": "Single-leg Romanian deadlift",
        "kind": "strength",
        "summary": (
            "A one-leg hip hinge with a dumbbell or kettlebell. It trains each hamstring and glute "
            "on its own and adds the balance and hip control a runner needs on a single stance "
            "leg."
        ),
        "steps": [
            "Stand on one leg with the knee soft, holding a dumbbell or kettlebell in the opposite "
            "hand.",
            "Hinge forward from the standing hip while your free leg reaches straight back; keep "
            "both hips level and facing the floor.",
            "Lower over about three seconds until your torso and back leg are close to parallel "
            "with the floor, or until the hamstring stretch stops you.",
            "Drive the standing hip forward to come upright, bringing the free leg back under you.",
            "Finish all reps on one side, then switch.",
        ],
        "cues": [
            "Hips square to the floor",
            "Reach the back heel away as your chest lowers",
            "Slow down, strong up",
        ],
        "safety": [
            "Hold a wall or rail with your free hand until your balance is reliable.",
            "Start with bodyweight only and add weight once your hips stay level.",
        ],
        "primary_muscles": [*HAMSTRINGS, "gluteus-maximus"],
        "secondary_muscles": [
            "gluteus-medius",
            "gluteus-minimus",
            "erector-spinae",
            "adductor-magnus",
        ],
        "equipment": ["dumbbell", "kettlebell", "bodyweight"],
        "unilateral": True,
        "emphasis": "eccentric",
        "prescription": _rx(
            sets=3,
            reps_min=8,
            reps_max=8,
            per_side=True,
            tempo="3-0-1-0",
            rest_seconds=60,
            note=ECCENTRIC_TEMPO_NOTE + " Sets and reps are a Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("romanian-deadlift", "regression"),
            ("stiff-leg-deadlift", "alternative"),
        ],
        "sources": ["a0"],
    },
    # ------------------------------------------------------------------ hamstring curls
    {
        "slug": "machine-hamstring-curl",
        "name": "Machine hamstring curl (lying or seated)",
        "kind": "strength",
        "summary": (
            "The gym leg-curl machine isolates knee flexion, the pulling action of the hamstrings. "
            "Its load is easy to set precisely, which makes it a good place to learn slow "
            "eccentric lowering."
        ),
        "steps": [
            "Adjust the machine so your knees line up with its pivot and the pad sits just above "
            "your heels.",
            "Brace against the bench or seat and hold the handles.",
            "Curl your heels towards your buttocks in one to two seconds without lifting your "
            "hips.",
            "Let the weight return over about three seconds until your knees are almost straight, "
            "then repeat.",
        ],
        "cues": [
            "Three seconds back, every rep",
            "Hips stay pinned to the pad",
            "Squeeze the heels in, don't swing",
        ],
        "safety": [
            "Choose a load you can lower under control; if the weight drops, it is too heavy.",
        ],
        "primary_muscles": HAMSTRINGS,
        "secondary_muscles": ["gastrocnemius"],
        "equipment": ["leg-curl-machine"],
        "unilateral": False,
        "emphasis": "eccentric",
        "prescription": _rx(
            sets=3,
            reps_min=8,
            reps_max=12,
            tempo="3-0-1-0",
            rest_seconds=75,
            note=ECCENTRIC_TEMPO_NOTE
            + " Sets and reps are a Drivephase default; curling one leg at a time is a simple "
            "progression.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("resistance-band-hamstring-curl", "regression"),
            ("dumbbell-hamstring-curl", "alternative"),
            ("suspension-trainer-hamstring-curl", "alternative"),
            ("slider-hamstring-curl", "progression"),
        ],
        "sources": ["a0", "a4"],
    },
    {
        "slug": "resistance-band-hamstring-curl",
        "name": "Resistance band hamstring curl",
        "kind": "strength",
        "summary": (
            "A face-down hamstring curl against a band anchored beyond your feet. It needs almost "
            "no kit, so you can curl at home or as a light session."
        ),
        "steps": [
            "Tie a resistance band round a sturdy post or table leg at floor height and loop the "
            "other end round one ankle.",
            "Lie face down with your feet towards the anchor and shuffle away until the band is "
            "taut.",
            "Curl your heel towards your buttocks in one to two seconds, keeping your hips on the "
            "floor.",
            "Straighten the knee over about three seconds, resisting the band all the way.",
            "Complete the set, then switch legs.",
        ],
        "cues": [
            "Fight the band on the way back",
            "Hips heavy on the floor",
            "Heel to your buttocks",
        ],
        "safety": ["Check the band and its anchor for wear before every session."],
        "primary_muscles": HAMSTRINGS,
        "secondary_muscles": ["gastrocnemius"],
        "equipment": ["resistance-band"],
        "unilateral": True,
        "emphasis": "eccentric",
        "prescription": _rx(
            sets=3,
            reps_min=12,
            reps_max=15,
            per_side=True,
            tempo="3-0-1-0",
            rest_seconds=45,
            note=ECCENTRIC_TEMPO_NOTE
            + " Sets and reps are a Drivephase default; use a stronger band to progress.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("machine-hamstring-curl", "progression"),
            ("dumbbell-hamstring-curl", "progression"),
        ],
        "sources": ["a0"],
    },
    {
        "slug": "dumbbell-hamstring-curl",
        "name": "Dumbbell hamstring curl",
        "kind": "strength",
        "summary": (
            "A face-down curl on a bench with a dumbbell held between the feet. It loads the "
            "hamstrings with free weight when no curl machine is available."
        ),
        "steps": [
            "Lie face down on a flat bench with your knees just past its end.",
            "Have a partner set a light dumbbell upright between your feet, or position it "
            "carefully yourself, and grip the handle end with the insides of your feet.",
            "Press your feet together and curl the dumbbell up until your shins are vertical, "
            "taking one to two seconds.",
            "Lower it over about three seconds until your knees are nearly straight.",
        ],
        "cues": [
            "Feet clamped on the dumbbell",
            "Slow all the way down",
            "Hips stay on the bench",
        ],
        "safety": [
            "Start very light: a dumbbell that slips from your feet can fall on the floor or on "
            "you.",
            "Stop when your shins reach vertical; past that point the weight can slide towards "
            "you.",
        ],
        "primary_muscles": HAMSTRINGS,
        "secondary_muscles": ["gastrocnemius"],
        "equipment": ["dumbbell", "bench"],
        "unilateral": False,
        "emphasis": "eccentric",
        "prescription": _rx(
            sets=3,
            reps_min=10,
            reps_max=12,
            tempo="3-0-1-0",
            rest_seconds=60,
            note=ECCENTRIC_TEMPO_NOTE + " Sets and reps are a Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("machine-hamstring-curl", "alternative"),
            ("resistance-band-hamstring-curl", "regression"),
        ],
        "sources": ["a0"],
    },
    {
        "slug": "suspension-trainer-hamstring-curl",
        "name": "Suspension trainer hamstring curl",
        "kind": "strength",
        "summary": (
            "A bodyweight curl with your heels in suspension-trainer straps and your hips held up "
            "in a bridge. It works the hamstrings at the hip and the knee at the same time."
        ),
        "steps": [
            "Set the foot cradles a little above the floor, then lie on your back with your heels "
            "in them, directly under the anchor point.",
            "Press your heels down and lift your hips until your body is straight from shoulders "
            "to heels.",
            "Keeping the hips high, pull your heels towards your buttocks in one to two seconds.",
            "Straighten your legs over about three seconds without letting your hips sag.",
        ],
        "cues": [
            "Hips high the whole time",
            "Pull with your heels",
            "Long, slow legs out",
        ],
        "safety": [
            "If your hips start to drop during the curl, lower them to the floor and reset before "
            "the next rep.",
        ],
        "primary_muscles": HAMSTRINGS,
        "secondary_muscles": ["gluteus-maximus", "gastrocnemius", "transversus-abdominis"],
        "equipment": ["suspension-trainer"],
        "unilateral": False,
        "emphasis": "eccentric",
        "prescription": _rx(
            sets=3,
            reps_min=8,
            reps_max=10,
            tempo="3-0-1-0",
            rest_seconds=60,
            note=ECCENTRIC_TEMPO_NOTE + " Sets and reps are a Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("slider-hamstring-curl", "alternative"),
            ("machine-hamstring-curl", "alternative"),
        ],
        "sources": ["a0"],
    },
    {
        "slug": "slider-hamstring-curl",
        "name": "Slider hamstring curl",
        "kind": "strength",
        "summary": (
            "A bodyweight curl with your heels on slider pads. Sliding the heels out slowly gives "
            "the hamstrings a hard eccentric load without any gym equipment."
        ),
        "steps": [
            "Lie on your back on a smooth floor with your knees bent and your heels on slider "
            "pads.",
            "Lift your hips into a bridge, squeezing your glutes.",
            "Slide your heels away over about three seconds until your legs are nearly straight, "
            "keeping your hips off the floor.",
            "Dig your heels in and draw them back towards your buttocks in one to two seconds to "
            "return to the bridge.",
        ],
        "cues": [
            "Slide out slowly, hips up",
            "Dig the heels in to pull back",
            "Ribs down, no arching",
        ],
        "safety": [
            "If you cannot pull back in, lower your hips and reset; do not arch your lower back "
            "to finish a rep.",
        ],
        "primary_muscles": HAMSTRINGS,
        "secondary_muscles": ["gluteus-maximus", "gastrocnemius", "transversus-abdominis"],
        "equipment": ["slider-pads"],
        "unilateral": False,
        "emphasis": "eccentric",
        "prescription": _rx(
            sets=3,
            reps_min=6,
            reps_max=10,
            tempo="3-0-1-0",
            rest_seconds=60,
            note=ECCENTRIC_TEMPO_NOTE
            + " Sets and reps are a Drivephase default; a towel on a smooth floor can stand in "
            "for sliders, and one leg at a time is the next step.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("suspension-trainer-hamstring-curl", "alternative"),
            ("machine-hamstring-curl", "regression"),
        ],
        "sources": ["a0"],
    },
    # ------------------------------------------------------------------ squats, lunges, step-ups
    {
        "slug": "bodyweight-squat",
        "name": "Bodyweight squat",
        "kind": "strength",
        "summary": (
            "The basic unloaded squat. It builds the quadriceps and glutes and lets you practise "
            "the running-friendly posture of bent hips and knees with a straight lower back."
        ),
        "steps": [
            "Stand with your feet about shoulder-width apart, toes turned out slightly.",
            "Push your hips back and bend your knees, lowering until your thighs are about "
            "parallel to the floor or as deep as you can go with a flat back.",
            "Keep your chest up and your knees pointing the same way as your toes.",
            "Drive through your whole foot to stand tall.",
        ],
        "cues": [
            "Knees follow your toes",
            "Chest proud, back long",
            "Push the floor away",
        ],
        "safety": [
            "Do not let your knees fall inwards; squat less deep until you can control them.",
        ],
        "primary_muscles": [*QUADS, "gluteus-maximus"],
        "secondary_muscles": [*HAMSTRINGS, *CALVES, "adductor-magnus", "erector-spinae"],
        "equipment": ["bodyweight"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=12,
            reps_max=15,
            tempo="2-0-1-0",
            rest_seconds=60,
            note="Drivephase default. The source article suggests starting with bodyweight squats and moving on to "
            "weighted squats for more resistance.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("weighted-squat", "progression"),
            ("bouncy-bodyweight-squat", "regression"),
        ],
        "sources": ["a0", "a3", "a4"],
    },
    {
        "slug": "weighted-squat",
        "name": "Weighted squat (barbell, dumbbell or kettlebell)",
        "kind": "strength",
        "summary": (
            "The squat with added load, the next step after bodyweight squats. It builds the "
            "quadriceps and glute strength that sprinting and uphill running rely on."
        ),
        "steps": [
            "Set up the load: a barbell across your upper back, or a dumbbell or kettlebell held "
            "at your chest.",
            "Stand with your feet shoulder-width apart and brace your trunk.",
            "Sit your hips back and down over about three seconds, knees tracking over your toes "
            "and back long.",
            "Stand up strongly, keeping your chest up, and breathe out at the top.",
        ],
        "cues": [
            "Brace, then sit down between your heels",
            "Knees follow your toes",
            "Drive up with chest and hips together",
        ],
        "safety": [
            "Squat a barbell inside a rack with the safety bars set just below your lowest "
            "position.",
            "Add weight gradually and only while your form holds.",
        ],
        "primary_muscles": [*QUADS, "gluteus-maximus"],
        "secondary_muscles": [
            *HAMSTRINGS,
            *CALVES,
            "adductor-magnus",
            "erector-spinae",
            "transversus-abdominis",
        ],
        "equipment": ["barbell", "dumbbell", "kettlebell"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=6,
            reps_max=10,
            tempo="3-0-1-0",
            rest_seconds=120,
            note="Drivephase default, using the source article's slow-lowering tempo. Increase the load in small "
            "steps.",
        ),
        "prescription_from_article": False,
        "variations": [("bodyweight-squat", "regression")],
        "sources": ["a3", "a4"],
    },
    {
        "slug": "forward-lunge",
        "name": "Forward lunge",
        "kind": "strength",
        "summary": (
            "A step forward into a split stance and back again. It strengthens the quadriceps and "
            "glutes one leg at a time, though the source article points out that lunges mostly train the quads "
            "rather than the hamstrings."
        ),
        "steps": [
            "Stand tall with your feet hip-width apart.",
            "Take a long step forward and lower until both knees are bent to about 90 degrees, "
            "the back knee just above the floor.",
            "Keep your front knee over the middle of your foot and your torso upright.",
            "Push off the front foot to return to standing.",
            "Alternate legs, or finish all reps on one side before switching.",
        ],
        "cues": [
            "Drop the back knee straight down",
            "Front knee over the middle of the foot",
            "Push back to the start in one move",
        ],
        "safety": [
            "Shorten your step if your front heel lifts or your front knee drifts inwards.",
        ],
        "primary_muscles": [*QUADS, "gluteus-maximus"],
        "secondary_muscles": [*HAMSTRINGS, "gluteus-medius", "adductor-magnus", *CALVES],
        "equipment": ["bodyweight", "dumbbell"],
        "unilateral": True,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=8,
            reps_max=10,
            per_side=True,
            tempo="2-0-1-0",
            rest_seconds=60,
            note="Drivephase default. Hold dumbbells to add load.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("reverse-lunge", "regression"),
            ("lateral-lunge", "alternative"),
            ("step-up", "alternative"),
        ],
        "sources": ["a0", "a3", "a4"],
    },
    {
        "slug": "reverse-lunge",
        "name": "Reverse lunge",
        "kind": "strength",
        "summary": (
            "A lunge made by stepping backwards. The front leg does the work while the braking "
            "load on the knee is lower, so it is an easy way into single-leg strength."
        ),
        "steps": [
            "Stand tall with your feet hip-width apart.",
            "Step one foot well back and lower until both knees are bent to about 90 degrees.",
            "Keep most of your weight on the front foot and your torso upright.",
            "Push through the front heel to bring the back foot forward to the start.",
            "Complete the reps on one side, then switch, or alternate.",
        ],
        "cues": [
            "Weight stays on the front heel",
            "Step back long and drop straight down",
            "Tall chest",
        ],
        "safety": ["Use a wall or rail for balance until the movement feels steady."],
        "primary_muscles": [*QUADS, "gluteus-maximus"],
        "secondary_muscles": [*HAMSTRINGS, "gluteus-medius", "adductor-magnus"],
        "equipment": ["bodyweight", "dumbbell"],
        "unilateral": True,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=8,
            reps_max=10,
            per_side=True,
            tempo="2-0-1-0",
            rest_seconds=60,
            note="Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("forward-lunge", "progression"),
            ("lateral-lunge", "alternative"),
        ],
        "sources": ["a4"],
    },
    {
        "slug": "lateral-lunge",
        "name": "Lateral lunge",
        "kind": "strength",
        "summary": (
            "A lunge made by stepping out to the side. It adds sideways strength and hip control, "
            "bringing in the inner thigh and the side of the hip as well as the quads and glutes."
        ),
        "steps": [
            "Stand with your feet together, toes forward.",
            "Take a wide step to one side and sit your hips back over that foot, bending the "
            "knee while the other leg stays straight.",
            "Keep both feet flat and your chest up; the bent knee points over the toes.",
            "Push off the bent leg to return to the start.",
            "Finish the set on one side, then switch.",
        ],
        "cues": [
            "Sit back into the stepping hip",
            "Other leg long, both feet flat",
            "Push yourself back to centre",
        ],
        "safety": ["Only go as low as you can while keeping the bent knee over your toes."],
        "primary_muscles": [*QUADS, "gluteus-maximus", "adductor-magnus"],
        "secondary_muscles": ["gluteus-medius", "gluteus-minimus", *HAMSTRINGS],
        "equipment": ["bodyweight", "dumbbell"],
        "unilateral": True,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=8,
            reps_max=10,
            per_side=True,
            tempo="2-0-1-0",
            rest_seconds=60,
            note="Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("forward-lunge", "alternative"),
            ("reverse-lunge", "alternative"),
        ],
        "sources": ["a4"],
    },
    {
        "slug": "step-up",
        "name": "Step-up",
        "kind": "strength",
        "summary": (
            "Stepping up onto a box or bench with one leg doing the work. It builds the quadriceps "
            "and glutes in a single-leg action close to uphill running."
        ),
        "steps": [
            "Stand facing a sturdy step, box or bench about knee height or lower.",
            "Place one whole foot on top.",
            "Drive through that foot to stand up on the step, without pushing off the back toes.",
            "Step down slowly with the other foot, keeping the working foot on the box.",
            "Complete the set on one leg, then switch.",
        ],
        "cues": [
            "Let the top leg do the lifting",
            "Knee in line with the toes",
            "Lower yourself slowly",
        ],
        "safety": [
            "Make sure the step or bench cannot slide or tip.",
            "Use a lower step if your knee caves in or you need to push off the back foot.",
        ],
        "primary_muscles": [*QUADS, "gluteus-maximus"],
        "secondary_muscles": [*HAMSTRINGS, "gluteus-medius", *CALVES],
        "equipment": ["step", "bench", "dumbbell"],
        "unilateral": True,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=8,
            reps_max=10,
            per_side=True,
            tempo="2-0-1-0",
            rest_seconds=60,
            note="Drivephase default. Hold dumbbells to add load.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("forward-lunge", "alternative"),
            ("reverse-lunge", "alternative"),
        ],
        "sources": ["a4"],
    },
    {
        "slug": "leg-press",
        "name": "Leg press",
        "kind": "strength",
        "summary": (
            "Pushing a weighted platform away with both legs on a machine. The source article uses it to show that "
            "muscles produce more force from bent hips and knees than from straight legs, the same "
            "principle that governs posture at foot contact."
        ),
        "steps": [
            "Adjust the seat so your hips and knees are well bent at the start position.",
            "Place your feet hip-width apart in the middle of the platform and release the safety "
            "catches.",
            "Lower the platform under control until your knees are bent to about 90 degrees, "
            "keeping your lower back on the pad.",
            "Press the platform away through your whole foot, stopping just short of locking your "
            "knees.",
            "Re-engage the safety catches when you finish.",
        ],
        "cues": [
            "Start from bent hips and knees, your strongest position",
            "Lower back stays on the pad",
            "Soft knees at the top",
        ],
        "safety": [
            "Never snap your knees straight under load.",
            "Lower only as far as your lower back stays flat on the pad.",
        ],
        "primary_muscles": [*QUADS, "gluteus-maximus"],
        "secondary_muscles": [*HAMSTRINGS, "adductor-magnus"],
        "equipment": ["leg-press-machine"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=10,
            reps_max=12,
            tempo="3-0-1-0",
            rest_seconds=90,
            note="Drivephase default. Try moving the seat closer and farther to feel how joint "
            "angle changes the force you can produce.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("weighted-squat", "alternative"),
            ("bodyweight-squat", "regression"),
        ],
        "sources": ["a3"],
    },
    # ------------------------------------------------------------------ bridges and hip extension
    {
        "slug": "glute-bridge",
        "name": "Glute bridge",
        "kind": "strength",
        "summary": (
            "Lifting your hips from the floor by squeezing your glutes while lying on your back. "
            "Bridging strengthens the glutes and hamstrings and teaches hip extension with a "
            "steady trunk and a straight lower back."
        ),
        "steps": [
            "Lie face up, knees bent, feet flat and hip-width apart, arms resting by your sides.",
            "Brace your core lightly and press through your heels.",
            "Lift your hips until your body forms a straight line from shoulders to knees, "
            "squeezing your glutes.",
            "Hold the top for a moment, then lower slowly.",
        ],
        "cues": [
            "Lift with the glutes, not the lower back",
            "Shoulders to knees in one line",
            "Pause at the top",
        ],
        "safety": ["Stop before your lower back arches at the top."],
        "primary_muscles": ["gluteus-maximus", *HAMSTRINGS],
        "secondary_muscles": ["transversus-abdominis", "erector-spinae", "adductor-magnus"],
        "equipment": ["bodyweight"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=12,
            reps_max=15,
            tempo="2-0-1-2",
            rest_seconds=45,
            note="Drivephase default. Progress to the single-leg bridge.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("single-leg-glute-bridge", "progression"),
            ("hip-thrust", "progression"),
        ],
        "sources": ["a3", "a4"],
    },
    {
        "slug": "single-leg-glute-bridge",
        "name": "Single-leg glute bridge",
        "kind": "strength",
        "summary": (
            "A bridge driven by one leg while the other stays long. It loads each glute and "
            "hamstring on its own, closer to the one-leg drive of the stride."
        ),
        "steps": [
            "Lie face up with one knee bent and that foot planted on the floor; stretch the "
            "other leg out straight.",
            "Brace your core and press through the heel of the bent leg.",
            "Raise your pelvis slowly, tightening your glutes and bracing your core, while your "
            "shoulder blades stay grounded.",
            "Let the straight leg rise with your hips in line with its thigh rather than pushing "
            "through it.",
            "Lower slowly, complete the set, then switch legs.",
        ],
        "cues": [
            "Drive through the heel of the bent leg",
            "Shoulder blades stay down",
            "Hips level, no tilting",
        ],
        "safety": ["If your hamstring cramps, bring the working foot closer to your buttocks."],
        "primary_muscles": ["gluteus-maximus", *HAMSTRINGS],
        "secondary_muscles": ["gluteus-medius", "transversus-abdominis", "erector-spinae"],
        "equipment": ["bodyweight"],
        "unilateral": True,
        "emphasis": "concentric",
        "prescription": _rx(
            sets=2,
            reps_min=15,
            reps_max=20,
            per_side=True,
            tempo="2-0-1-1",
            rest_seconds=45,
            note="the source article: 15-20 reps per leg. The article gives no set count or tempo; those are "
            "Drivephase defaults.",
        ),
        "prescription_from_article": True,
        "variations": [
            ("glute-bridge", "regression"),
            ("stability-ball-single-leg-glute-bridge", "progression"),
        ],
        "sources": ["a2"],
    },
    {
        "slug": "stability-ball-single-leg-glute-bridge",
        "name": "Single-leg glute bridge on a stability ball",
        "kind": "strength",
        "summary": (
            "The single-leg bridge with the working foot on a stability ball. The unstable ball "
            "makes the glutes, hamstrings and core work harder to keep the hips level."
        ),
        "steps": [
            "Lie face up with one knee bent and that foot resting on top of a stability ball; "
            "keep the other leg straight on the floor.",
            "Brace your core and press the foot down into the ball to steady it.",
            "Raise your pelvis slowly, tightening your glutes and bracing your core, while your "
            "shoulder blades stay grounded.",
            "Lower slowly without letting the ball roll away.",
            "Complete the set, then switch legs.",
        ],
        "cues": [
            "Slow lift, glutes first",
            "Keep the ball still",
            "Shoulder blades stay flat",
        ],
        "safety": [
            "Master the floor version first; place your arms wide on the floor for balance.",
        ],
        "primary_muscles": ["gluteus-maximus", *HAMSTRINGS],
        "secondary_muscles": [
            "gluteus-medius",
            "transversus-abdominis",
            "rectus-abdominis",
            "erector-spinae",
        ],
        "equipment": ["stability-ball"],
        "unilateral": True,
        "emphasis": "concentric",
        "prescription": _rx(
            sets=2,
            reps_min=15,
            reps_max=20,
            per_side=True,
            tempo="2-0-2-1",
            rest_seconds=45,
            note="the source article: 15-20 reps per leg, using the ball for added difficulty. Set count and "
            "tempo are Drivephase defaults.",
        ),
        "prescription_from_article": True,
        "variations": [("single-leg-glute-bridge", "regression")],
        "sources": ["a2"],
    },
    {
        "slug": "hip-thrust",
        "name": "Hip thrust",
        "kind": "strength",
        "summary": (
            "A hip-extension exercise aimed squarely at the glutes: you drive your hips up from a "
            "bent-knee position and squeeze hard at the top. Resting your shoulders on a bench and "
            "adding a weight over the hips makes it the loaded big brother of the glute bridge."
        ),
        "steps": [
            "Lie on your back with knees bent and feet flat, hip-width apart. For the loaded "
            "version, rest your upper back across a bench and set a padded barbell or a dumbbell "
            "over your hip crease.",
            "Tuck your chin slightly and brace your trunk.",
            "Drive through your heels to lift your hips until your thighs and torso are level.",
            "Squeeze your glutes hard at the top for a second.",
            "Lower your hips under control and repeat.",
        ],
        "cues": [
            "Squeeze the glutes hard at the top",
            "Chin tucked, ribs down",
            "Shins vertical at the top",
        ],
        "safety": [
            "Pad the bar where it sits on your hips.",
            "Do not push your lower back into an arch to get higher.",
        ],
        "primary_muscles": ["gluteus-maximus"],
        "secondary_muscles": [*HAMSTRINGS, "gluteus-medius", "adductor-magnus", *QUADS],
        "equipment": ["bodyweight", "bench", "barbell", "dumbbell"],
        "unilateral": False,
        "emphasis": "concentric",
        "prescription": _rx(
            sets=3,
            reps_min=8,
            reps_max=12,
            tempo="2-0-1-1",
            rest_seconds=90,
            note="Drivephase default. Start unloaded on the floor as the source article describes, then add the "
            "bench and a weight.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("glute-bridge", "regression"),
            ("single-leg-glute-bridge", "alternative"),
        ],
        "sources": ["a4"],
    },
    {
        "slug": "theraband-drive-back",
        "name": "Theraband drive-back (band or cable)",
        "kind": "strength",
        "summary": (
            "Standing on one leg, you drive the other leg backwards against a band or cable. It "
            "rehearses the hip-extension drive of the stride, with the glutes and hamstrings "
            "starting the movement."
        ),
        "steps": [
            "Attach a resistance band, or a cable-machine ankle strap, to your foot or heel and "
            "stand facing the anchor.",
            "Balance on the other leg, holding on to something if you need to, and let the "
            "working leg hang a little ahead of your body.",
            "Drive the working leg backwards against the resistance, letting the glutes and "
            "hamstrings lead.",
            "Let the leg come back forward slowly to the start, then repeat.",
            "Finish all reps, then change legs.",
        ],
        "cues": [
            "Drive from the glutes, not the lower back",
            "Fast back, slow return",
            "Stay tall on the standing leg",
        ],
        "safety": [
            "Keep your trunk upright: arching the lower back to swing the leg further shifts the "
            "work away from the hips.",
        ],
        "primary_muscles": ["gluteus-maximus", *HAMSTRINGS],
        "secondary_muscles": ["gluteus-medius", "adductor-magnus", "transversus-abdominis"],
        "equipment": ["resistance-band", "cable-machine"],
        "unilateral": True,
        "emphasis": "concentric",
        "prescription": _rx(
            sets=2,
            reps_min=20,
            reps_max=25,
            per_side=True,
            tempo="3-0-X-0",
            rest_seconds=45,
            note="the source article: 20-25 reps per leg. The article gives no set count or tempo beyond a slow "
            "return; those are Drivephase defaults.",
        ),
        "prescription_from_article": True,
        "variations": [
            ("banded-donkey-kick", "alternative"),
            ("straight-leg-bound", "progression"),
        ],
        "sources": ["a2"],
    },
    {
        "slug": "banded-donkey-kick",
        "name": "Donkey kick with resistance band",
        "kind": "strength",
        "summary": (
            "From all fours, you press one leg back and up against a band. It isolates "
            "glute-driven hip extension with no load on the spine."
        ),
        "steps": [
            "Kneel on all fours with hands under shoulders and knees under hips.",
            "Loop a band so that one end is round a knee and the other round the sole of the "
            "working foot (Drivephase reads this as the supporting knee, so the band stretches as "
            "you kick).",
            "Keeping that knee bent, push the working foot back and up towards the ceiling, "
            "contracting your glute.",
            "Stop when your thigh is level with your torso, then lower slowly.",
            "Complete the set, then switch sides.",
        ],
        "cues": [
            "Squeeze the glute to lift the leg",
            "Back flat like a table",
            "Slow on the way down",
        ],
        "safety": ["Do not arch your lower back to lift higher; stop where the hip stops."],
        "primary_muscles": ["gluteus-maximus"],
        "secondary_muscles": [*HAMSTRINGS, "gluteus-medius", "transversus-abdominis"],
        "equipment": ["resistance-band"],
        "unilateral": True,
        "emphasis": "concentric",
        "prescription": _rx(
            sets=2,
            reps_min=15,
            reps_max=20,
            per_side=True,
            tempo="2-0-1-1",
            rest_seconds=45,
            note="the source article: 15-20 reps per leg. Set count and tempo are Drivephase defaults.",
        ),
        "prescription_from_article": True,
        "variations": [
            ("theraband-drive-back", "alternative"),
            ("single-leg-glute-bridge", "alternative"),
        ],
        "sources": ["a2"],
    },
    # ------------------------------------------------------------------ calves and shins
    {
        "slug": "standing-calf-raise",
        "name": "Standing calf raise on a step",
        "kind": "strength",
        "summary": (
            "Rising onto your toes with your heels hanging off a step. It strengthens the calves "
            "for push-off and improves ankle stability."
        ),
        "steps": [
            "Stand with the balls of your feet on the edge of a step and your heels hanging off; "
            "hold a rail or wall for balance.",
            "Rise as high as you can onto your toes in about one second.",
            "Pause briefly at the top.",
            "Lower your heels slowly below the level of the step, taking about three seconds.",
        ],
        "cues": [
            "All the way up, slowly all the way down",
            "Weight over the big toe",
            "Knees straight but not locked",
        ],
        "safety": ["Keep a hand on support so you can step off safely."],
        "primary_muscles": CALVES,
        "secondary_muscles": ["tibialis-anterior"],
        "equipment": ["step"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=12,
            reps_max=15,
            tempo="3-0-1-1",
            rest_seconds=45,
            note="Drivephase default. Progress to one leg at a time, then hold a dumbbell.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("machine-calf-raise", "alternative"),
            ("dorsiflexion-calf-raise", "alternative"),
        ],
        "sources": ["a4"],
    },
    {
        "slug": "machine-calf-raise",
        "name": "Machine calf raise",
        "kind": "strength",
        "summary": (
            "A calf raise on a calf-raise machine, where the load is easy to set and increase. It "
            "builds calf strength for push-off, sprinting and hills."
        ),
        "steps": [
            "Set the shoulder pads or seat so you start with your heels below the platform edge.",
            "Place the balls of your feet on the platform, hip-width apart.",
            "Rise as high as you can onto your toes.",
            "Lower your heels slowly until you feel a stretch in your calves, then repeat.",
        ],
        "cues": [
            "Full height at the top",
            "Slow stretch at the bottom",
            "No bouncing",
        ],
        "safety": ["Keep your knees soft and your back straight under the shoulder pads."],
        "primary_muscles": CALVES,
        "secondary_muscles": [],
        "equipment": ["calf-raise-machine"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=10,
            reps_max=15,
            tempo="3-0-1-1",
            rest_seconds=60,
            note="Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [("standing-calf-raise", "alternative")],
        "sources": ["a4"],
    },
    {
        "slug": "dorsiflexion-calf-raise",
        "name": "Calf raise with dorsiflexion emphasis",
        "kind": "strength",
        "summary": (
            "A calf raise that ends each rep by rocking back onto your heels and lifting your "
            "toes. The toe lift trains the shin muscles that raise the foot for the next stride, "
            "as well as the calves."
        ),
        "steps": [
            "Stand tall on flat ground with your feet hip-width apart and a wall within reach.",
            "Rise onto the balls of your feet as high as you can.",
            "Lower your heels to the floor under control.",
            "Carry on back onto your heels, lifting your toes and the front of your feet as high "
            "as you can, and hold briefly.",
            "Lower your toes and start the next rep.",
        ],
        "cues": [
            "Up on the toes, back on the heels",
            "Pull your toes towards your shins",
            "Smooth, no rocking of the hips",
        ],
        "safety": [
            "Keep a hand near the wall; rocking back onto your heels can tip you backwards."
        ],
        "primary_muscles": ["tibialis-anterior", "extensor-hallucis-longus", "gastrocnemius"],
        "secondary_muscles": ["soleus"],
        "equipment": ["bodyweight"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=12,
            reps_max=15,
            tempo="2-0-1-1",
            rest_seconds=45,
            note="Drivephase default and interpretation: The source article asks for calf raises with a "
            "dorsiflexion emphasis without describing them.",
        ),
        "prescription_from_article": False,
        "variations": [("standing-calf-raise", "alternative")],
        "sources": ["a4"],
    },
    # ------------------------------------------------------------------ core and hip flexors
    {
        "slug": "plank",
        "name": "Plank",
        "kind": "strength",
        "summary": (
            "Holding a straight body position on your forearms and toes. It trains the core to "
            "keep the trunk and pelvis steady, which supports stability and posture when you run."
        ),
        "steps": [
            "Place your forearms on the floor with your elbows under your shoulders.",
            "Step your feet back so your body is in one straight line from head to heels, resting "
            "on your toes.",
            "Brace your abdominals and squeeze your glutes so your hips neither sag nor pike.",
            "Breathe steadily and hold the position.",
        ],
        "cues": [
            "Straight line from head to heels",
            "Squeeze glutes, brace abs",
            "Keep breathing",
        ],
        "safety": ["End the hold as soon as your hips sag or your lower back aches."],
        "primary_muscles": ["transversus-abdominis", "rectus-abdominis"],
        "secondary_muscles": ["obliques", "erector-spinae", "gluteus-maximus", "deltoids"],
        "equipment": ["bodyweight"],
        "unilateral": False,
        "emphasis": "isometric",
        "prescription": _rx(
            sets=3,
            hold_seconds=30,
            rest_seconds=45,
            note="the source article: hold for 30 seconds to 1 minute with good form; build from 30 s towards "
            "60 s. The set count is a Drivephase default.",
        ),
        "prescription_from_article": True,
        "variations": [("mountain-climber", "progression")],
        "sources": ["a4"],
    },
    {
        "slug": "russian-twist",
        "name": "Russian twist",
        "kind": "strength",
        "summary": (
            "Seated and leaning back a touch, you rotate your trunk left and right with a weight "
            "in your hands. It trains the obliques and the rest of the core to control rotation."
        ),
        "steps": [
            "Sit on the floor with your knees bent and heels down, with a medicine ball or other "
            "weight held at your chest.",
            "Lean back a little with a long spine until you feel your abdominals switch on.",
            "Turn your torso to one side, bringing the weight beside your hip.",
            "Turn through the middle to the other side; each turn counts as one rep for that side.",
        ],
        "cues": [
            "Turn from the ribs, not just the arms",
            "Long spine, slight lean",
            "Controlled, not swinging",
        ],
        "safety": ["Keep the spine long; if your lower back rounds, sit more upright."],
        "primary_muscles": ["obliques"],
        "secondary_muscles": ["rectus-abdominis", "transversus-abdominis", "iliopsoas"],
        "equipment": ["medicine-ball", "dumbbell", "bodyweight"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=10,
            reps_max=12,
            per_side=True,
            tempo=None,
            rest_seconds=45,
            note="Drivephase default. Lift your feet off the floor to make it harder.",
        ),
        "prescription_from_article": False,
        "variations": [("bicycle-crunch", "alternative")],
        "sources": ["a4"],
    },
    {
        "slug": "bicycle-crunch",
        "name": "Bicycle crunch",
        "kind": "strength",
        "summary": (
            "A crunch in which you bring each elbow towards the opposite knee in a pedalling "
            "rhythm. It works the front and side abdominals together."
        ),
        "steps": [
            "Lie on your back with your hands lightly behind your head and your knees lifted to "
            "about 90 degrees.",
            "Curl your shoulders off the floor.",
            "Turn one elbow towards the opposite knee as you straighten the other leg.",
            "Switch sides in a slow, pedalling rhythm.",
        ],
        "cues": [
            "Shoulder towards knee, not elbow flapping",
            "Slow pedal",
            "Lower back stays down",
        ],
        "safety": ["Don't pull on your head; your hands only support it."],
        "primary_muscles": ["rectus-abdominis", "obliques"],
        "secondary_muscles": ["iliopsoas", "transversus-abdominis"],
        "equipment": ["bodyweight"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=10,
            reps_max=12,
            per_side=True,
            rest_seconds=45,
            note="Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [("russian-twist", "alternative")],
        "sources": ["a4"],
    },
    {
        "slug": "leg-raise",
        "name": "Lying leg raise",
        "kind": "strength",
        "summary": (
            "Lifting straight legs from the floor while lying on your back. It strengthens the hip "
            "flexors that lift the knee, along with the lower abdominals."
        ),
        "steps": [
            "Lie on your back with your legs straight and your hands under your hips or by your "
            "sides.",
            "Brace your abdominals so your lower back stays close to the floor.",
            "Lift both legs together until they are roughly vertical.",
            "Lower them slowly, stopping before your lower back lifts off the floor.",
        ],
        "cues": [
            "Lower back stays down",
            "Slow on the way down",
            "Legs together and long",
        ],
        "safety": ["Bend your knees to shorten the lever if your back arches."],
        "primary_muscles": ["iliopsoas", "rectus-abdominis"],
        "secondary_muscles": ["rectus-femoris", "transversus-abdominis", "tensor-fasciae-latae"],
        "equipment": ["bodyweight"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=10,
            reps_max=12,
            tempo="3-0-1-0",
            rest_seconds=45,
            note="Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [("mountain-climber", "alternative")],
        "sources": ["a4"],
    },
    {
        "slug": "mountain-climber",
        "name": "Mountain climber",
        "kind": "strength",
        "summary": (
            "From a high plank, you draw one knee and then the other up under your body, like "
            "running on the spot. It works the core, hip flexors and upper body together."
        ),
        "steps": [
            "Start in a plank on your hands, hands under your shoulders and body straight.",
            "Drive one knee towards your chest.",
            "Return it as you bring the other knee in, in a running rhythm.",
            "Keep your hips low and level and your shoulders over your hands throughout.",
        ],
        "cues": [
            "Hips level, knees drive fast",
            "Shoulders over your hands",
            "Light feet",
        ],
        "safety": ["Slow down if your hips bounce up or your lower back sags."],
        "primary_muscles": ["iliopsoas", "rectus-abdominis", "transversus-abdominis"],
        "secondary_muscles": ["obliques", "rectus-femoris", "deltoids", "triceps-brachii"],
        "equipment": ["bodyweight"],
        "unilateral": False,
        "emphasis": "concentric",
        "prescription": _rx(
            sets=3,
            duration_seconds=30,
            rest_seconds=45,
            note="Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [("plank", "regression"), ("burpee", "progression")],
        "sources": ["a4"],
    },
    # ------------------------------------------------------------------ plyometrics
    {
        "slug": "burpee",
        "name": "Burpee",
        "kind": "plyometric",
        "summary": (
            "A squat to plank to jump sequence that raises the heart rate fast. The source article notes that, "
            "like squats and lunges, it mostly trains the quads rather than the hamstrings."
        ),
        "steps": [
            "Stand with your feet hip-width apart.",
            "Squat down and place your hands on the floor.",
            "Jump or step your feet back into a plank.",
            "Jump or step your feet back up to your hands.",
            "Jump upwards with your arms overhead and land softly.",
        ],
        "cues": [
            "Land softly, then go again",
            "Straight plank, no sagging",
            "Stay smooth rather than frantic",
        ],
        "safety": ["Step instead of jumping if your landings get heavy or your back sags."],
        "primary_muscles": [*QUADS, "gluteus-maximus"],
        "secondary_muscles": [
            *CALVES,
            "rectus-abdominis",
            "transversus-abdominis",
            "deltoids",
            "pectoralis-major",
            "triceps-brachii",
        ],
        "equipment": ["bodyweight"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            reps_min=8,
            reps_max=10,
            tempo=None,
            rest_seconds=60,
            note="Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [("mountain-climber", "regression")],
        "sources": ["a0"],
    },
    {
        "slug": "jump-rope",
        "name": "Jump rope",
        "kind": "plyometric",
        "summary": (
            "Skipping with a rope. Its quick, light contacts build springy, resilient calves that "
            "push off and absorb landings well."
        ),
        "steps": [
            "Hold the handles at hip height with your elbows close to your ribs, rope behind your "
            "heels.",
            "Turn the rope with your wrists rather than your arms.",
            "Jump just high enough to clear the rope, landing softly on the balls of your feet.",
            "Keep your knees soft and a steady rhythm; end the set when contacts get heavy.",
        ],
        "cues": [
            "Quiet, springy feet",
            "Small jumps, wrists turn the rope",
            "Tall posture",
        ],
        "safety": ["Skip on a forgiving surface and build volume gradually."],
        "primary_muscles": CALVES,
        "secondary_muscles": ["tibialis-anterior", *QUADS],
        "equipment": ["jump-rope"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=3,
            duration_seconds=60,
            rest_seconds=60,
            note="Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [("standing-calf-raise", "regression")],
        "sources": ["a4"],
    },
    {
        "slug": "straight-leg-bound",
        "name": "Straight-leg bounds",
        "kind": "plyometric",
        "summary": (
            "Running forward on near-straight legs, each contact powered backwards by the hips and "
            "glutes. It drills a powerful hip-extension drive."
        ),
        "steps": [
            "Mark out a flat stretch of grass or track of at least 50 m.",
            "Stand tall and keep your knees almost straight; land on the forefoot under your hips.",
            "Move forward by sweeping each straight leg down and back, driving the ground behind "
            "you from your hips and glutes.",
            "Keep contacts quick and your arms swinging in rhythm with your legs.",
            "Walk back to the start to recover.",
        ],
        "cues": [
            "Straight legs, drive from the hips",
            "Sweep the ground backwards",
            "Tall posture, quick contacts",
        ],
        "safety": [
            "Build from 50 m towards 100 m gradually rather than starting at full distance.",
            "Stop if you feel a pull high in the hamstring.",
        ],
        "primary_muscles": ["gluteus-maximus", *HAMSTRINGS],
        "secondary_muscles": [*CALVES, "iliopsoas", "transversus-abdominis"],
        "equipment": ["bodyweight"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=2,
            distance_m=50,
            rest_seconds=90,
            note="the source article: begin with 50 m and progress until you can cover 100 m. The set count is a "
            "Drivephase default.",
        ),
        "prescription_from_article": True,
        "variations": [("theraband-drive-back", "regression")],
        "sources": ["a2"],
    },
    # ------------------------------------------------------------------ running drills
    {
        "slug": "pull-emphasis-run",
        "name": "Pull-focused running",
        "kind": "running_drill",
        "summary": (
            "Running at a controlled pace while you deliberately use the hamstrings to pull the "
            "ground back beneath you. A study cited in the source article found that running at 75% of top speed "
            "already asks more of the hamstrings than their maximum voluntary strength."
        ),
        "steps": [
            "Warm up with a few minutes of easy running.",
            "Settle into a relaxed, controlled pace well below a sprint.",
            "As each foot comes down, think of pulling the ground back under you with the back of "
            "your thigh instead of pushing with your quads.",
            "Land with your foot close to under your hips, then allow the leg to trail out "
            "behind without pushing it further.",
            "Return to normal running once the feel fades, and repeat.",
        ],
        "cues": [
            "Pull the ground back under you",
            "Land under your hips",
            "Relax after the pull",
        ],
        "safety": [
            "Try it in short sections first: a new hamstring emphasis can leave the muscles sore.",
        ],
        "primary_muscles": [*HAMSTRINGS, "gluteus-maximus"],
        "secondary_muscles": ["iliopsoas", *CALVES],
        "equipment": ["bodyweight"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=4,
            distance_m=100,
            rest_seconds=60,
            note="Drivephase default: 4 x 100 m at a controlled pace, well below a sprint (the "
            "study cited in the source article measured running at 75% of maximal speed). Blend it into easy runs "
            "once it feels natural.",
        ),
        "prescription_from_article": False,
        "variations": [
            ("heel-lift-run", "alternative"),
            ("straight-leg-bound", "progression"),
        ],
        "sources": ["a0"],
    },
    {
        "slug": "heel-lift-run",
        "name": "Heel-lift practice run",
        "kind": "running_drill",
        "summary": (
            "A short run in which you check whether your back foot lifts behind you or drags low, "
            "and raise it gradually. More knee bend shortens the swinging leg, uses the hamstrings "
            "more and spares the hip flexors."
        ),
        "steps": [
            "Pick a short, easy run; don't make a long run your first attempt.",
            "Settle into your normal pace and pay attention to your back foot as it leaves the "
            "ground.",
            "If your foot stays low and skims the ground, let the heel rise a little more behind "
            "you so the knee bends further.",
            "Keep the heel height in proportion to your pace: a modest lift when jogging, a higher "
            "one only as you speed up.",
            "Change it in small steps over several runs until it feels natural.",
        ],
        "cues": [
            "Heel up behind you, in proportion to pace",
            "No shuffling feet",
            "Small changes over weeks",
        ],
        "safety": [
            "Newer runners should not copy an elite's heel-to-buttock action (the source article gives Mo Farah as "
            "the example); at slower speeds it wastes energy and tires you out.",
            "Don't force the heel up with effort; The source article argues heel lift should come mostly from a "
            "good hip drive.",
        ],
        "primary_muscles": HAMSTRINGS,
        "secondary_muscles": ["iliopsoas", "gluteus-maximus"],
        "equipment": ["bodyweight"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=1,
            duration_seconds=1200,
            note="Drivephase default of about 20 minutes. The source article asks for a short run and gradual "
            "change but gives no figures.",
        ),
        "prescription_from_article": False,
        "variations": [("pull-emphasis-run", "alternative")],
        "sources": ["a1"],
    },
    # ------------------------------------------------------------------ mobility
    {
        "slug": "two-joint-hip-flexor-stretch",
        "name": "Two-joint hip flexor stretch",
        "kind": "mobility",
        "summary": (
            "A lying stretch off the edge of a table or bed that lengthens the hip flexors, "
            "including the two-joint rectus femoris. More length at the front of the hip lets the "
            "thigh travel further behind you."
        ),
        "steps": [
            "Lie face up on a table, bed or other raised surface with your legs just beyond "
            "the edge.",
            "Pull both knees up to your chest.",
            "Wrap both hands under one knee and keep that leg held to your chest.",
            "Let the other leg lower off the edge and drop as far as it will go.",
            "Bring the lowered leg back up to your chest and repeat; then swap legs.",
        ],
        "cues": [
            "Held knee stays tight to your chest",
            "Let the free leg hang heavy",
            "Relax and breathe out",
        ],
        "safety": [
            "Use a stable surface and make sure you are well centred before letting a leg drop.",
            "Stretch to mild tension, never pain.",
        ],
        "primary_muscles": ["iliopsoas", "rectus-femoris"],
        "secondary_muscles": ["tensor-fasciae-latae"],
        "equipment": ["elevated-surface"],
        "unilateral": True,
        "emphasis": "isometric",
        "prescription": _rx(
            sets=1,
            reps_min=8,
            reps_max=10,
            per_side=True,
            note="the source article: repeat 8 to 10 times. The article does not say whether the count is per leg "
            "or how long to hold; Drivephase applies it to each leg with a relaxed breath or two "
            "in each drop.",
        ),
        "prescription_from_article": True,
        "variations": [("hip-flexor-lunge-stretch", "alternative")],
        "sources": ["a2"],
    },
    {
        "slug": "hip-flexor-lunge-stretch",
        "name": "Lunge hip flexor stretch",
        "kind": "mobility",
        "summary": (
            "A stretch taken in a lunge position, easing your weight forward to open the front of "
            "the back hip. Supple hip flexors help you keep a long stride and free movement at the "
            "hip."
        ),
        "steps": [
            "Step one foot forward into a lunge and lower the back knee to the floor, padding it "
            "if needed.",
            "Tuck your pelvis slightly under and tighten the glute of the back leg.",
            "Ease your weight forward until you feel a stretch at the front of the back hip.",
            "Hold, breathing steadily, then switch legs.",
        ],
        "cues": [
            "Tuck the pelvis, squeeze the back glute",
            "Ease forward gently",
            "Torso stays tall",
        ],
        "safety": [
            "Do not arch your lower back to go further; the stretch should stay in the hip."
        ],
        "primary_muscles": ["iliopsoas", "rectus-femoris"],
        "secondary_muscles": ["tensor-fasciae-latae"],
        "equipment": ["bodyweight"],
        "unilateral": True,
        "emphasis": "isometric",
        "prescription": _rx(
            sets=2,
            hold_seconds=30,
            per_side=True,
            note="Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [("two-joint-hip-flexor-stretch", "alternative")],
        "sources": ["a4"],
    },
    {
        "slug": "standing-calf-stretch",
        "name": "Standing calf stretch",
        "kind": "mobility",
        "summary": (
            "Leaning forward with one foot behind the other to stretch the back calf. Done after "
            "a workout, it helps keep the calves flexible and free of tightness."
        ),
        "steps": [
            "Stand facing a wall with your hands on it at shoulder height.",
            "Step one foot back, heel down and leg straight, with the front knee bent.",
            "Lean forward towards the wall until you feel a stretch in the back calf.",
            "Hold, then bend the back knee slightly to move the stretch lower, and switch legs.",
        ],
        "cues": [
            "Back heel stays down",
            "Lean from the ankles",
            "Breathe and relax into it",
        ],
        "safety": ["Ease into the stretch; do not bounce."],
        "primary_muscles": CALVES,
        "secondary_muscles": [],
        "equipment": ["bodyweight"],
        "unilateral": True,
        "emphasis": "isometric",
        "prescription": _rx(
            sets=2,
            hold_seconds=30,
            per_side=True,
            note="Drivephase default; The source article places it after the workout.",
        ),
        "prescription_from_article": False,
        "variations": [("ankle-mobility-drill", "alternative")],
        "sources": ["a4"],
    },
    {
        "slug": "ankle-mobility-drill",
        "name": "Ankle mobility drill (circles and knee-to-wall rocks)",
        "kind": "mobility",
        "summary": (
            "Slow ankle circles followed by knee-to-wall rocks. It keeps the ankle moving freely "
            "so the foot can lift and set up for each landing."
        ),
        "steps": [
            "Sit or stand on one leg and draw slow, large circles with your foot in each "
            "direction.",
            "Stand facing a wall in a split stance, front toes a short distance from it.",
            "Keeping the front heel down, push the knee forward to touch the wall, then back.",
            "Move the foot slightly further away as it gets easy; repeat, then switch ankles.",
        ],
        "cues": [
            "Heel stays glued down",
            "Knee tracks over the middle toes",
            "Slow and controlled",
        ],
        "safety": [
            "Move within a comfortable range; a pinch at the front of the ankle means stop."
        ],
        "primary_muscles": ["tibialis-anterior", *CALVES],
        "secondary_muscles": ["extensor-hallucis-longus"],
        "equipment": ["bodyweight"],
        "unilateral": True,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=1,
            reps_min=10,
            reps_max=10,
            per_side=True,
            note="Drivephase default and interpretation: The source article recommends ankle mobility exercises "
            "without naming them.",
        ),
        "prescription_from_article": False,
        "variations": [("standing-calf-stretch", "alternative")],
        "sources": ["a4"],
    },
    # ------------------------------------------------------------------ activation
    {
        "slug": "bouncy-bodyweight-squat",
        "name": "Bouncy bodyweight squats",
        "kind": "activation",
        "summary": (
            "A few light, springy bodyweight squats just before a run. They wake up the glutes and "
            "rehearse a running-related pattern so it carries into the first strides."
        ),
        "steps": [
            "Stand with your feet about shoulder-width apart, arms relaxed or held in front.",
            "Drop into a shallow to mid-depth squat.",
            "Spring lightly out of the bottom in a quick, elastic rhythm, keeping your feet on "
            "the ground.",
            "Feel your glutes switch on each time you rise; do only a few, then start your run.",
        ],
        "cues": [
            "Light and springy, glutes on",
            "This is a wake-up, not a workout",
            "Chest up, hips back",
        ],
        "safety": [],
        "primary_muscles": ["gluteus-maximus"],
        "secondary_muscles": [*QUADS, *CALVES],
        "equipment": ["bodyweight"],
        "unilateral": False,
        "emphasis": "mixed",
        "prescription": _rx(
            sets=1,
            reps_min=10,
            reps_max=15,
            note="the source article suggests a few reps before running; the number is a Drivephase default.",
        ),
        "prescription_from_article": False,
        "variations": [("bodyweight-squat", "progression")],
        "sources": ["a3"],
    },
    {
        "slug": "lateral-band-walk",
        "name": "Lateral band walk",
        "kind": "activation",
        "summary": (
            "Side-stepping with a band round your legs. It switches on the glutes, especially the "
            "gluteus medius that keeps the thigh tracking under the hip."
        ),
        "steps": [
            "Place a mini band round your legs just above the knees or round the ankles.",
            "Stand with your feet hip-width apart, knees soft and hips slightly back.",
            "Step sideways with the lead foot, then follow with the trailing foot, never letting "
            "your feet come together.",
            "Take all your steps one way, then return the other way.",
        ],
        "cues": [
            "Push the knees out against the band",
            "Stay low and level, no rocking",
            "Toes point forward",
        ],
        "safety": ["Check the band for nicks; a snapping band can sting."],
        "primary_muscles": ["gluteus-medius", "gluteus-minimus"],
        "secondary_muscles": ["gluteus-maximus", "tensor-fasciae-latae"],
        "equipment": ["resistance-band"],
        "unilateral": False,
        "emphasis": "concentric",
        "prescription": _rx(
            sets=2,
            reps_min=10,
            reps_max=15,
            per_side=True,
            note="Drivephase default: steps in each direction.",
        ),
        "prescription_from_article": False,
        "variations": [("banded-donkey-kick", "alternative")],
        "sources": ["a4"],
    },
]
