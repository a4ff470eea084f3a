"""Technique guides taught by the source articles, written in Drivephase's own words."""

GUIDES = [
    {
        "slug": "hip-extension-drive-phase",
        "title": "Hip extension and the drive phase",
        "summary": (
            "The real source of stride power: the glutes and hamstrings sweeping the "
            "thigh back after the foot lands, and why that drive should be short and then relaxed."
        ),
        "body": """## The real source of stride power

Ask most runners where their push comes from and they picture a leg press: the quads straighten
the knee and the calves flick the foot away. Both help, but article the source article argues that
their share is small next to the hip extensors, the glutes and hamstrings, which sweep the whole
leg backwards once the foot is on the ground. The source article describes the same propulsion as a pull: the
hamstrings shorten to bend the knee behind you while the glutes extend the hip. The source article goes as far as
calling hip extension possibly the biggest single factor in how fast you can run.

## The mechanics

Hip extension means moving the thigh backwards relative to the pelvis. In the stride it:

1. starts as the foot meets the ground, ideally right beneath your centre of mass;
2. continues as the leg is drawn beneath the body and then past it;
3. ends just before the ankle does the final push-off.

When coaches assess it they look at two separate things:

- **Drive**: how forcefully you apply the glutes and hamstrings as the leg is drawn beneath and
  behind the body. More force here means more speed.
- **Range**: the angle the thigh reaches behind the body at the end of extension.

## What goes wrong

The drive is a short burst, not a long shove. Runners who keep pushing the leg back after the
burst is over waste effort and often arch the lower back to get there. The range behind you is a
by-product of the drive: the harder the drive, the further the leg travels on its own. So produce
the force early, then ease off and allow the leg to follow through.

Other common faults:

- reaching forward so the foot lands well ahead of the body, which delays the drive;
- glutes that switch on late or weakly, leaving the hamstrings or lower back to cover;
- tight hip flexors that stop the thigh from travelling freely behind you.

## What to train

- **The drive pattern**: the *Theraband drive-back* copies the standing-leg drive, and
  *straight-leg bounds* teach you to strike the ground backwards from the hips.
- **Glute strength**: *single-leg glute bridge* (on a stability ball once the floor version is
  easy), *donkey kicks with a band* and *hip thrusts*.
- **Hamstring strength**: *Romanian* and *single-leg Romanian deadlifts*, *hamstring curls* with a
  slow lowering phase, and *pull-focused running*.
- **Range**: the *two-joint hip flexor stretch* and the *lunge hip flexor stretch*, so the front
  of the hip does not hold the thigh back.

The source article's starter set of five: band drive-back 20-25 per leg, single-leg bridge 15-20 per leg, banded
donkey kicks 15-20 per leg, straight-leg bounds from 50 m building to 100 m, and the two-joint hip
flexor stretch 8-10 times.
""",
        "exercises": [
            "theraband-drive-back",
            "straight-leg-bound",
            "single-leg-glute-bridge",
            "stability-ball-single-leg-glute-bridge",
            "banded-donkey-kick",
            "hip-thrust",
            "romanian-deadlift",
            "single-leg-romanian-deadlift",
            "machine-hamstring-curl",
            "pull-emphasis-run",
            "two-joint-hip-flexor-stretch",
            "hip-flexor-lunge-stretch",
        ],
        "muscle_groups": ["hamstrings", "glutes", "hip-flexors", "quadriceps", "calves"],
        "figures": [
            {
                "statement": (
                    "The source article names three muscle groups, the hips (hip extensors), hamstrings and "
                    "glutes, as the main source of stride power, with the quads and calves in a "
                    "minor role."
                ),
                "study": None,
            },
            {
                "statement": (
                    "Work on hip extension focuses on two areas: how forcefully you drive in the "
                    "drive phase, and how far (at what angle) the leg extends behind you."
                ),
                "study": None,
            },
            {
                "statement": "the source article's starter programme for hip extension has five exercises.",
                "study": None,
            },
            {
                "statement": "Theraband drive-back: 20-25 repetitions per leg.",
                "study": None,
            },
            {
                "statement": (
                    "Single-leg glute bridge: 15-20 repetitions per leg, with a stability ball "
                    "for extra difficulty."
                ),
                "study": None,
            },
            {
                "statement": "Donkey kicks with a band: 15-20 repetitions per leg.",
                "study": None,
            },
            {
                "statement": "Straight-leg bounds: start at 50 m and build up to 100 m.",
                "study": None,
            },
            {
                "statement": "Two-joint hip flexor stretch: repeat it 8 to 10 times.",
                "study": None,
            },
        ],
        "sources": ["a2", "a0"],
    },
    {
        "slug": "heel-lift-recovery-phase",
        "title": "Heel lift and the recovery phase",
        "summary": (
            "How the leg comes back through after the drive, how high the heel should rise behind "
            "you, and why the treadmill lets the hamstrings off lightly."
        ),
        "body": """## What happens after the drive

Once the leg has finished driving behind you it has to swing forward for the next step: the
recovery phase. A stretch reflex in the hip flexors, loaded by the hip extension you have just
done, starts the thigh moving forward. As it comes through, the knee bends and the heel rises
towards the buttocks. That shortens the leg as a lever, so it is quicker and cheaper to swing.

## Two views on the heel

The articles agree that heel lift matters but differ on how much you should do on purpose.

- **the source article: lift it more.** Two photos of the same runner at 14 km/h, taken at the same point in the
  stride, show the difference. With the back foot low there is little knee bend and little
  hamstring work. Raising the heel shortens the heel-to-hip lever, brings in more hamstring and
  helps the hip fold forward into the next step, which eases the load on the hip flexors. A foot
  that stays low for the whole run can leave the hip flexors tired from compensating for
  hamstrings that are not pulling their weight.
- **the source article: let it happen.** Citing electrographic (EMG) research, the source article says pulling the heel towards the
  buttocks needs very little hamstring activity, as little as 7%. Most of the movement comes from
  the stretch reflex set up by hip extension, which is why the heel rises higher the faster you go
  without any effort. Deliberately contracting the hamstrings to flick the heel up is wasted
  energy.

## Putting them together

Both articles agree the heel should rise in proportion to your speed. In practice:

1. **Check for dragging.** On a short run (never a long one the first time) notice whether your
   back foot skims the ground.
2. **If it does, let the heel come up a little more,** in line with your pace. A newer runner
   should not imitate the heel-to-buttock action of an elite such as Mo Farah; at slower speeds
   it is tiring and inefficient.
3. **Don't force it.** If you catch yourself flicking the heel up with effort, back off and work
   on your hip drive instead; the heel follows a good drive.
4. **Change gradually** over weeks until the new action feels natural.

## The treadmill point

On a treadmill the moving belt helps pull the foot backwards, so the hamstrings do less work than
on the road or track (the source article, summarising its earlier article weighing up treadmill running). If much of
your running is on a treadmill, keep some running outdoors and add direct hamstring work.

## What to train

- *Heel-lift practice runs* for the pattern itself.
- Hip-extension strength (*Theraband drive-back*, *single-leg glute bridge*, *straight-leg bounds*)
  so the stretch reflex has a strong drive to work from.
- Hamstring strength (*machine*, *slider* or *band hamstring curls*, *Romanian deadlift*) and
  hip flexor mobility (*two-joint hip flexor stretch*).
""",
        "exercises": [
            "heel-lift-run",
            "pull-emphasis-run",
            "theraband-drive-back",
            "single-leg-glute-bridge",
            "straight-leg-bound",
            "machine-hamstring-curl",
            "slider-hamstring-curl",
            "resistance-band-hamstring-curl",
            "romanian-deadlift",
            "two-joint-hip-flexor-stretch",
        ],
        "muscle_groups": ["hamstrings", "hip-flexors", "glutes"],
        "figures": [
            {
                "statement": (
                    "The runner photographed in the source article to compare heel lifts was running at 14 km/h "
                    "(14 kph)."
                ),
                "study": None,
            },
            {
                "statement": (
                    "Drawing the heel up to the buttocks during the recovery phase takes as "
                    "little as 7% hamstring activation."
                ),
                "study": "Electrographic research cited in the source article (not named in the article)",
            },
            {
                "statement": (
                    "The hamstrings are three muscles spanning the back of the thigh from pelvis "
                    "to just under the knee, so they act at both joints."
                ),
                "study": None,
            },
        ],
        "sources": ["a1", "a2"],
    },
    {
        "slug": "concentric-vs-eccentric",
        "title": "Concentric versus eccentric work",
        "summary": (
            "What separates a normal repetition from an eccentric-focused one, and why a slow "
            "lowering phase pays off for runners, especially marathoners."
        ),
        "body": """## Two ways to do a rep

A muscle can work while it shortens (a **concentric** action, such as curling your heel up on a
hamstring curl) or while it lengthens under load (an **eccentric** action, such as letting the
weight back down). Every rep has both parts; what changes is how you pace them.

- **Normal, concentric-style reps**: lower and lift at one steady, controlled speed.
- **Eccentric-focused reps**: the lengthening part is slow and deliberate, followed by a quicker
  contraction. The source article suggests starting at roughly 3 seconds for the lengthening and 1-2 seconds for
  the contraction.

In Drivephase this is written as a tempo: lowering-pause-lifting-pause, in seconds, with X meaning
explosive. "3-0-1-0" is three seconds down, no pause, one second up, no pause.

## Why slow lowering helps

The source article gives these reasons for favouring eccentric reps:

- **More time working.** The muscle stays under load for longer on each rep.
- **More adaptation.** Braking the load causes more tiny tears (micro-damage) in the fibres, which
  the body repairs into extra strength over time.
- **More movement.** The muscle travels through a longer range, which may bring small gains in
  flexibility and mobility, an area where many runners fall short.

For a marathoner the pay-off is practical: extra hamstring strength means more propulsion and so a
longer stride, fewer injuries and therefore less training lost, and better muscular
endurance. Across the full 26 miles of a marathon, those gains compound.

## What goes wrong

- **Dropping the weight.** If you cannot control about three seconds on the way down, the load is
  too heavy; lighten it rather than cutting the count.
- **Rushing the count** once fatigue sets in. Count out loud if you need to.
- **Doing too much too soon.** Because eccentric work causes more muscle damage, expect extra
  soreness at first. Start with fewer sets and keep eccentric sessions away from your key runs
  (Drivephase advice, not from the article).

## What to train

The exercises where the slow lowering phase loads the hamstrings:

- *Machine hamstring curl*, *resistance band hamstring curl*, *dumbbell hamstring curl*,
  *suspension trainer hamstring curl* and *slider hamstring curl*;
- *Romanian deadlift*, *stiff-leg deadlift* and *single-leg Romanian deadlift*.

The same idea works for squats and calf raises: take about three seconds down.
""",
        "exercises": [
            "machine-hamstring-curl",
            "resistance-band-hamstring-curl",
            "dumbbell-hamstring-curl",
            "suspension-trainer-hamstring-curl",
            "slider-hamstring-curl",
            "romanian-deadlift",
            "stiff-leg-deadlift",
            "single-leg-romanian-deadlift",
            "weighted-squat",
            "standing-calf-raise",
        ],
        "muscle_groups": ["hamstrings", "glutes"],
        "figures": [
            {
                "statement": (
                    "A starting point for eccentric repetitions is about 3 seconds for the "
                    "lengthening (relaxing) phase and 1-2 seconds for the contraction."
                ),
                "study": None,
            },
            {
                "statement": (
                    "The strength gains from eccentric hamstring work add up over the 26 miles of "
                    "a marathon."
                ),
                "study": None,
            },
        ],
        "sources": ["a0"],
    },
    {
        "slug": "stability-and-posture",
        "title": "Stability and posture",
        "summary": (
            "How big and small hip muscles work together to keep the thigh on line, and why bent "
            "hips and knees with a straight lower back at foot contact let you produce more power."
        ),
        "body": """## Stability: big and small muscles together

Moving well needs large and small muscles to fire together so that posture holds and no joint
is left in a weak position. In running the key players are the hip muscles (glutes and
hamstrings), the spinal erectors and the core: the surface and deep abdominals. The source article singles out
the smaller gluteus medius: training it alongside its larger neighbours, the gluteus maximus and
the hamstrings, lets those big muscles deliver all the force they have and keeps them moving in
the range they are built for, which protects against injury.

If the glutes switch on late, the thigh can drift instead of staying directly below the hip. Force
then leaks out to the side instead of driving you forward. Stable hips make that far less likely and
let the hamstrings and glutes put all their strength into each stride.

## Posture: the strongest joint angles

Research referred to in the source article shows that a muscle produces more power when its joint is held at a
favourable angle. You can feel this on a leg press: with the seat moved so that your hips and
knees start well bent, you can push far more than when your legs start nearly straight.

The running version of the leg press mistake is a tall, stiff posture, with the hips and knees
barely bent as the foot prepares to land and while it is on the ground. Good technique gets the
hips, lower back and knees into position just before and during contact: lower back fairly
straight, with flexed hips and knees. Holding that shape takes more strength than most runners
expect.

## The core's part

The source article describes the core (rectus abdominis, obliques and erector spinae) as what steadies the trunk
and pelvis, so that force passes efficiently between lower and upper body, which supports speed
and economy. The source article's series treats the core (hips, transversus abdominis, lower back) as central to
preventing running injuries, and staying injury-free is what allows the consistent training that
long-term progress depends on.

## What goes wrong

- Running tall and straight-legged through contact, so the muscles work from weak angles.
- The thigh wandering inwards or outwards under the hip.
- Lifting with poor posture in the gym, which grooves the wrong pattern and can lead to injury.

## What to train

- *Glute bridge* and *single-leg glute bridge*: hip extension with a straight lower back.
- Squats of every kind (*bodyweight squat*, *weighted squat*): practise holding bent hips and
  knees with a long back.
- *Single-leg Romanian deadlift* and *lateral band walk*: gluteus medius and hip control.
- *Plank*, *Russian twist* and *bicycle crunch*: a steady trunk.
- *Leg press*: feel how joint angle changes the force you can produce.
""",
        "exercises": [
            "glute-bridge",
            "single-leg-glute-bridge",
            "bodyweight-squat",
            "weighted-squat",
            "single-leg-romanian-deadlift",
            "lateral-band-walk",
            "plank",
            "russian-twist",
            "bicycle-crunch",
            "leg-press",
        ],
        "muscle_groups": ["glutes", "hamstrings", "core", "lower-back", "quadriceps"],
        "figures": [
            {
                "statement": (
                    "Measurements show muscles produce more power when the joint sits at its most "
                    "favourable angle, for example starting a leg press from bent hips and knees."
                ),
                "study": "Scientific measurements referred to in the source article (no study named)",
            },
            {
                "statement": (
                    "The source article recommends holding a plank for 30 seconds to 1 minute to build core "
                    "stability and posture."
                ),
                "study": None,
            },
        ],
        "sources": ["a3", "a4", "a2"],
    },
    {
        "slug": "antagonist-co-activation",
        "title": "Balancing opposing muscles and avoiding co-activation",
        "summary": (
            "Why a programme full of quad-heavy moves leaves the hamstrings behind, and how "
            "practice under modest loads teaches muscles that should stay quiet not to fight the "
            "movers."
        ),
        "body": """## Opposing muscle pairs

Every joint has muscles that pull in opposite directions. At the knee the quadriceps straighten
while the hamstrings bend; at the hip the extensors (glutes and hamstrings) oppose the hip
flexors (iliopsoas, rectus femoris, tensor fasciae latae). The source article reminds you that the hamstrings and
quads work as a team, and that keeping the muscle groups in balance heads off the imbalances and
compensations that lead to injury.

## Problem 1: a lopsided programme

The source article points out that the usual runner's strength menu of squats, lunges and burpees mostly trains
the quads, the hamstrings' opposite numbers, with some useful glute work on the side. The quads
do matter: they keep the knee stable and supply some vertical lift. But if you want to run faster,
move at least part of your strength time over to the hamstrings.

A quick check: count your weekly sets of quad-led moves and of hamstring-led moves. If the first
number dwarfs the second, rebalance.

## Problem 2: antagonist co-activation

The source article describes a less obvious problem: a muscle meant to stay quiet, or merely assist, switches on
and competes with the muscles doing the job. The classic running example is the tensor fasciae
latae (TFL). It helps flex the hip, yet in some runners it fires at the same moment as the glutes
and hamstrings are trying to drive the thigh backwards. A muscle working against the
movement like this:

- tires you out,
- limits your range of motion,
- and can lead to injury.

The fix the source article suggests is to practise the movement under modest loads so that the nervous system
learns to leave the wrong muscle quiet. Grinding heavy reps, where everything tenses at once, do
not teach this; clean, controlled, running-like reps do.

## What to train

- **Hamstring-led strength**: *Romanian deadlift*, *single-leg Romanian deadlift*, *stiff-leg
  deadlift*, the *hamstring curl* variations and *pull-focused running*.
- **Quad work in proportion**: *bodyweight* and *weighted squats*, *forward lunges*, *step-ups*.
- **Pattern practice under light load**: *glute bridge*, *Theraband drive-back*, *donkey kick
  with band* and *lateral band walk*. Aim to feel the glutes and hamstrings working, not the front
  of the hip.
- **Range**: *two-joint hip flexor stretch* and *lunge hip flexor stretch* to restore the length an
  over-busy hip flexor may have lost.
""",
        "exercises": [
            "romanian-deadlift",
            "single-leg-romanian-deadlift",
            "stiff-leg-deadlift",
            "machine-hamstring-curl",
            "slider-hamstring-curl",
            "pull-emphasis-run",
            "bodyweight-squat",
            "weighted-squat",
            "forward-lunge",
            "step-up",
            "burpee",
            "glute-bridge",
            "theraband-drive-back",
            "banded-donkey-kick",
            "lateral-band-walk",
            "two-joint-hip-flexor-stretch",
            "hip-flexor-lunge-stretch",
        ],
        "muscle_groups": ["quadriceps", "hamstrings", "glutes", "hip-flexors"],
        "figures": [],
        "sources": ["a3", "a0", "a4"],
    },
    {
        "slug": "activation-before-a-run",
        "title": "Activation before a run",
        "summary": (
            "A few low-intensity strength moves before you head out switch on the muscles you need "
            "and carry the gym pattern straight into your running."
        ),
        "body": """## Why activate

The source article likens strength training to writing code for how your body moves under stress: the
patterns you repeat in the gym become the ones your muscles and nerves fall back on. Doing a
little low-intensity strength work immediately before a run takes that one step further. It gets
the intended muscles working and hands the pattern you have just practised directly to your first
strides.

The the source article author's own example is a handful of bouncy bodyweight squats, used to wake up glutes that
tend to be slow to join in.

## What activation is (and is not)

- **Low intensity.** You should finish fresher, not tired. This is a reminder to the muscles, not a
  workout.
- **Running-related.** Choose moves that resemble part of the running action; The source article warns that
  exercises unrelated to good technique can groove the wrong pattern.
- **Short.** A few reps of one or two moves is enough.

It also does not replace a warm-up: The source article advises warming up before a workout and cooling down
afterwards.

## A simple routine

Start with the move the source article uses, then add one of the light glute moves from the library if you like
(Drivephase suggestions; the articles name only the squats for this purpose):

1. *Bouncy bodyweight squats*: a few light, springy reps, feeling the glutes switch on each time
   you rise.
2. *Lateral band walk*: a few steps each way to bring in the gluteus medius, which keeps the
   thigh tracking under the hip.
3. *Glute bridge* or *donkey kick with band*: a few slow reps, squeezing the glutes at the top.

Then set off easily. If you are working on a technique change such as heel lift, the first
minutes of a *heel-lift practice run* are a good time to pay attention to it, while the pattern
is fresh.

## Common mistakes

- Turning activation into a session: sets to fatigue leave you heavy-legged for the run.
- Rushing: a sloppy rep primes a sloppy pattern.
- Picking moves that feel nothing like running.
""",
        "exercises": [
            "bouncy-bodyweight-squat",
            "lateral-band-walk",
            "glute-bridge",
            "banded-donkey-kick",
            "heel-lift-run",
        ],
        "muscle_groups": ["glutes", "hamstrings"],
        "figures": [],
        "sources": ["a3", "a4"],
    },
    {
        "slug": "muscles-for-running-faster",
        "title": "Muscles for running faster",
        "summary": (
            "The four main muscle groups for speed (quadriceps, hamstrings, glutes and calves), "
            "the supporting core, hip flexors and ankle dorsiflexors, and the exercises for each."
        ),
        "body": """## The four primary groups

The source article names four muscle groups as the main movers in running faster.

- **Quadriceps** (front of the thigh): four muscles, the rectus femoris, vastus lateralis, vastus
  medialis and vastus intermedius, running from hip to knee. They straighten the knee and move the
  body forward, and they matter most in sprints and uphill. Train them with *squats*, *lunges* and
  *step-ups*.
- **Hamstrings** (back of the thigh): three muscles, the biceps femoris, semitendinosus and
  semimembranosus. They bend the knee and extend the hip, pulling the leg back and producing the
  force of each stride. Strong hamstrings keep the stride balanced and guard against injury.
  Train them with *deadlifts*, *hamstring curls* and *glute bridges*.
- **Glutes** (buttocks): the gluteus maximus, medius and minimus. They keep the torso and hips
  stable for good posture and balance, and add to the propulsive force. Train them with *squats*,
  *lunges*, *hip thrusts* and *lateral band walks*.
- **Calves** (back of the lower leg): two main muscles, the gastrocnemius and soleus. They push
  you off the ground, point the foot and cushion the impact of each landing, which makes them
  important for sprinting and hills. Train them with *calf raises*, *jump rope* and *calf
  stretches*.

The source article offers a different emphasis: it argues that the quads and calves add relatively little forward
power compared with the hips, hamstrings and glutes. Both views agree that a runner needs all four
groups; they differ on where speed mainly comes from.

## The supporting cast

Keeping every group in balance avoids the compensations that lead to injury.

- **Core** (rectus abdominis, obliques, erector spinae): steadies the torso and pelvis so force
  transfers efficiently between lower and upper body. *Planks*, *Russian twists*, *bicycle
  crunches*.
- **Hip flexors** (front of the hip): lift the knee, influence pelvic stability and help with stride
  length, speed and hip range. *Leg raises*, *mountain climbers*, *hip flexor stretches*.
- **Ankle dorsiflexors** (tibialis anterior, extensor hallucis longus): raise the foot clear
  and prepare it for the next landing and push-off. *Calf raises with a dorsiflexion
  emphasis* and *ankle mobility* work.

## the source article's ten exercises

Squats, lunges (forward, reverse and lateral), deadlifts, hip thrusts, calf raises, planks,
mountain climbers, Russian twists, calf stretches and hip flexor stretches.

## Training notes

- Begin with bodyweight squats before loading them, and start deadlifts light with careful form.
- Warm up before each session and cool down after it.
- Raise intensity and resistance gradually so the muscles keep adapting.
""",
        "exercises": [
            "bodyweight-squat",
            "weighted-squat",
            "forward-lunge",
            "reverse-lunge",
            "lateral-lunge",
            "step-up",
            "conventional-deadlift",
            "machine-hamstring-curl",
            "glute-bridge",
            "hip-thrust",
            "lateral-band-walk",
            "standing-calf-raise",
            "machine-calf-raise",
            "jump-rope",
            "standing-calf-stretch",
            "plank",
            "russian-twist",
            "bicycle-crunch",
            "leg-raise",
            "mountain-climber",
            "hip-flexor-lunge-stretch",
            "dorsiflexion-calf-raise",
            "ankle-mobility-drill",
        ],
        "muscle_groups": [
            "quadriceps",
            "hamstrings",
            "glutes",
            "calves",
            "core",
            "hip-flexors",
            "ankle-dorsiflexors",
            "lower-back",
            "upper-body",
        ],
        "figures": [
            {
                "statement": (
                    "The source article names four main muscle groups that drive running speed: quadriceps, "
                    "hamstrings, glutes and calves."
                ),
                "study": None,
            },
            {
                "statement": (
                    "The quadriceps are four long muscles spanning the thigh from hip to knee."
                ),
                "study": None,
            },
            {
                "statement": "The hamstrings consist of three muscles.",
                "study": None,
            },
            {
                "statement": "The glutes consist of three muscles: maximus, medius and minimus.",
                "study": None,
            },
            {
                "statement": "The calves consist of two primary muscles: gastrocnemius and soleus.",
                "study": None,
            },
            {
                "statement": "the source article lists ten exercises for strengthening the running muscles.",
                "study": None,
            },
        ],
        "sources": ["a4", "a2"],
    },
    {
        "slug": "strength-training-and-running-technique",
        "title": "Why strength training makes better runners",
        "summary": (
            "Strength work improves running through coordination, posture, stability and faster "
            "muscle activation as much as through bigger muscles, provided the exercises resemble "
            "running."
        ),
        "body": """## A long tradition

The idea that strength training improves athletic performance has been accepted in running for
about sixty years. Percy Cerutty's barbell-based methods helped popularise it. His best-known
athlete, Herb Elliott, used it, as did Sebastian Coe, and so do almost all of today's elite runners.

## The obvious benefits

- **More power per stride.** Extra power lengthens the distance each stride covers, which lowers
  the aerobic cost of holding any given pace.
- **Resilience.** General strength helps protect against injury.
- **Springier tendons.** Loading the muscles also makes the tendons stronger and more responsive,
  which matters because tendons store and give back energy at each ground contact at little cost.

## The less obvious benefits

The source article argues that these are just as valuable, and that for club runners looking to fix their form
they should be a top priority.

- **Coordination.** Strength work refines the pattern in which muscles switch on, so movement
  becomes smoother and more economical.
- **Stability and posture.** Big and small hip muscles learn to fire together, and you build the
  strength to hold bent hips and knees with a straight lower back at foot contact (see the
  stability and posture guide).
- **Less antagonist co-activation.** Practice under modest loads teaches muscles that should be
  quiet, such as an over-eager TFL, to stop fighting the glutes and hamstrings.
- **Faster activation.** Training the muscles trains the nerves too: they fire sooner and the
  muscles reach full contraction more quickly. Varying your exercises keeps that stimulus fresh and
  builds useful strength rather than bulk, so don't let your programme go stale.

These qualities feed each other: you need base strength for good posture, and good posture and
coordination let you express more strength. Strength in this sense is the ability to produce
the most force for the least energy spent, not the size of your muscles.

## Transfer: choose running-like exercises

Every rep teaches your body a pattern. Exercises that resemble good running technique build the
right one; exercises that stray far from it, or any exercise done with poor posture, can program
the wrong one and risk injury. The source article refers readers to chapter 9 of the author's book *Running
Technique* for exercise selection, and to chapters 7 and 9 for more.

## How seriously the elites take it

Coach Jerry Schumacher, who coached Chris Solinsky and Shalane Flanagan, told the the source article author in
Melbourne that his Oregon group does up to five strength sessions a week. You don't need
that, nor heavy weights or big muscles: plenty of the best exercises, such as *bodyweight
squats*, *lunges* and *glute bridges*, need nothing but your body.
""",
        "exercises": [
            "bodyweight-squat",
            "weighted-squat",
            "forward-lunge",
            "glute-bridge",
            "leg-press",
            "bouncy-bodyweight-squat",
        ],
        "muscle_groups": ["glutes", "hamstrings", "core", "lower-back", "quadriceps"],
        "figures": [
            {
                "statement": (
                    "Runners have accepted for roughly sixty years that strength training improves "
                    "performance."
                ),
                "study": None,
            },
            {
                "statement": (
                    "Jerry Schumacher's training group in Oregon does up to five strength "
                    "sessions per week."
                ),
                "study": None,
            },
            {
                "statement": (
                    "The source article points to chapter 9 of the author's book Running Technique for choosing "
                    "strength exercises, and to chapters 7 and 9 of the eBook for more detail."
                ),
                "study": None,
            },
        ],
        "sources": ["a3"],
    },
    {
        "slug": "hamstring-strength-for-runners",
        "title": "Hamstring strength for runners",
        "summary": (
            "Why the hamstrings deserve a bigger share of a runner's strength time, how hard they "
            "work even at moderate speeds, and the many ways to train them."
        ),
        "body": """## What the hamstrings do

The hamstrings are three muscles, the biceps femoris, semitendinosus and semimembranosus, running
down the back of the thigh from the hip to just below the knee. Because they cross both joints,
they extend the hip and bend the knee. In running, the source article describes propulsion as a pull: the
hamstrings shorten to bend the knee behind you while the glutes extend the hip. The source article calls them
central to producing the force of each stride and to keeping the stride balanced.

## How hard they work

A study cited in the source article found that running at only 75% of maximal speed demands 115% of the hamstrings'
maximum voluntary strength. If your running style does not use them much, your own figures will
probably be lower, which is exactly the gap technique and strength work can close.

## Why runners neglect them

- **Quad-heavy programmes.** Squats, lunges and burpees mainly train the quads (see the guide on
  balancing opposing muscles).
- **Low heel lift.** A back foot that stays low gives the hamstrings little to do and passes the
  work to the hip flexors.
- **Treadmills.** The moving belt helps drag the leg back, so the hamstrings work less.

## What stronger hamstrings give a marathoner

The source article lists a longer stride from more propulsion, fewer injuries and so fewer lost sessions,
and greater muscular endurance, which add up over a marathon. Its advice is to move at least part
of your strength time from the quads to the hamstrings.

## How to train them

- **Deadlifts**: *conventional*, *Romanian*, *stiff-leg* and *single-leg Romanian*. The
  variations load different areas of the group. Get coaching in person first.
- **Hamstring curls**, in whatever form you have access to: *machine*, *resistance band*,
  *dumbbell*, or bodyweight using a *suspension trainer* or *slider pads*.
- **Running itself**: *pull-focused running* and attention to *heel lift*.
- **Bridging**: *glute bridges* and *single-leg glute bridges*.

Use a slow lowering phase on most of these (see the concentric versus eccentric guide).
""",
        "exercises": [
            "conventional-deadlift",
            "romanian-deadlift",
            "stiff-leg-deadlift",
            "single-leg-romanian-deadlift",
            "machine-hamstring-curl",
            "resistance-band-hamstring-curl",
            "dumbbell-hamstring-curl",
            "suspension-trainer-hamstring-curl",
            "slider-hamstring-curl",
            "pull-emphasis-run",
            "heel-lift-run",
            "glute-bridge",
            "single-leg-glute-bridge",
        ],
        "muscle_groups": ["hamstrings", "glutes", "quadriceps", "hip-flexors"],
        "figures": [
            {
                "statement": (
                    "Running at 75% of maximal speed demands 115% of the hamstrings' maximum "
                    "voluntary strength."
                ),
                "study": "A recent study cited in the source article (not named in the article)",
            },
            {
                "statement": (
                    "The hamstrings are three muscles: biceps femoris, semitendinosus and "
                    "semimembranosus."
                ),
                "study": None,
            },
        ],
        "sources": ["a0", "a1", "a4"],
    },
]
