"""Muscle groups, muscles and equipment referenced by the exercise library."""

MUSCLE_GROUPS = [
    {
        "slug": "hamstrings",
        "name": "Hamstrings",
        "description": (
            "A trio of muscles behind the thigh that span both the hip and the knee, so they "
            "extend the hip and bend the knee. With the glutes they pull the leg back under and "
            "behind you after the foot lands, which the articles treat as the core of running "
            "propulsion; they are often under-used by runners whose back foot stays low."
        ),
    },
    {
        "slug": "glutes",
        "name": "Glutes",
        "description": (
            "The gluteus maximus, medius and minimus of the buttocks. The maximus is a prime mover "
            "of hip extension in the drive phase, while the smaller medius and minimus hold the "
            "pelvis level and keep the thigh tracking under the hip, so that force goes backwards "
            "instead of leaking sideways."
        ),
    },
    {
        "slug": "quadriceps",
        "name": "Quadriceps",
        "description": (
            "Four muscles on the front of the thigh that straighten the knee; the rectus femoris "
            "also helps flex the hip. They keep the knee stable, give some vertical lift and work "
            "hard in sprinting and uphill running, although one article argues they add far less "
            "forward power than the hip extensors."
        ),
    },
    {
        "slug": "calves",
        "name": "Calves",
        "description": (
            "The gastrocnemius and soleus at the back of the lower leg. They point the foot to "
            "push you off the ground at the end of each contact and help soak up the impact of "
            "landing; strong calves matter for sprinting and for hills."
        ),
    },
    {
        "slug": "hip-flexors",
        "name": "Hip flexors",
        "description": (
            "Muscles at the front of the hip that lift the knee and swing the leg forward, helped "
            "by a stretch reflex after hip extension. Strength and flexibility here support stride "
            "length and pelvic control, but a low heel lift can leave them overworked, and an "
            "over-active tensor fasciae latae can fight the glutes and hamstrings."
        ),
    },
    {
        "slug": "adductors",
        "name": "Adductors",
        "description": (
            "The inner-thigh muscles that draw the leg towards the midline. The articles do not "
            "discuss them directly; in Drivephase they are listed because they work with the "
            "glutes to keep the thigh travelling straight under the hip, and the large adductor "
            "magnus assists the hamstrings in extending the hip."
        ),
    },
    {
        "slug": "core",
        "name": "Core",
        "description": (
            "The surface and deep abdominals (rectus abdominis, obliques, transversus "
            "abdominis) that hold the trunk and pelvis steady. A stable trunk lets leg force "
            "transfer efficiently through the body, supports good running posture and helps keep "
            "runners free of injury."
        ),
    },
    {
        "slug": "lower-back",
        "name": "Lower back",
        "description": (
            "The spinal erectors running alongside the spine. They keep the lower back long and "
            "fairly straight while the hips and knees flex at foot contact, and they work hard in "
            "every deadlift variation."
        ),
    },
    {
        "slug": "ankle-dorsiflexors",
        "name": "Ankle dorsiflexors",
        "description": (
            "The muscles on the front of the shin, chiefly tibialis anterior and extensor hallucis "
            "longus, that pull the foot and toes upwards. They lift the foot clear of the ground "
            "and set it up for the next landing and push-off."
        ),
    },
    {
        "slug": "upper-body",
        "name": "Upper body",
        "description": (
            "The shoulders, chest and arms. The articles mention them only in passing: a strong "
            "core links lower-body force to the upper body, and moves such as mountain climbers "
            "also load the upper body while you support yourself on your hands."
        ),
    },
]

MUSCLES = [
    # Hamstrings
    {
        "slug": "biceps-femoris",
        "name": "Biceps femoris",
        "group": "hamstrings",
        "description": (
            "The outer hamstring, with two heads. It extends the hip and bends the knee, and is "
            "the hamstring most often strained in fast running."
        ),
    },
    {
        "slug": "semitendinosus",
        "name": "Semitendinosus",
        "group": "hamstrings",
        "description": (
            "One of the two inner hamstrings, ending in a long tendon below the inside of the "
            "knee. It extends the hip and flexes the knee."
        ),
    },
    {
        "slug": "semimembranosus",
        "name": "Semimembranosus",
        "group": "hamstrings",
        "description": (
            "The deeper inner hamstring, lying under the semitendinosus. It shares the work of hip "
            "extension and knee flexion."
        ),
    },
    # Glutes
    {
        "slug": "gluteus-maximus",
        "name": "Gluteus maximus",
        "group": "glutes",
        "description": (
            "The largest buttock muscle and the main hip extensor. It powers the backward drive of "
            "the thigh after foot contact."
        ),
    },
    {
        "slug": "gluteus-medius",
        "name": "Gluteus medius",
        "group": "glutes",
        "description": (
            "A smaller muscle on the side of the hip that holds the pelvis level on one leg. "
            "Training it alongside the gluteus maximus and hamstrings helps them use their full "
            "strength and keeps the thigh tracking under the hip."
        ),
    },
    {
        "slug": "gluteus-minimus",
        "name": "Gluteus minimus",
        "group": "glutes",
        "description": (
            "The smallest and deepest glute, beneath the medius. It assists the medius in "
            "stabilising the hip and pelvis during single-leg stance."
        ),
    },
    # Quadriceps
    {
        "slug": "rectus-femoris",
        "name": "Rectus femoris",
        "group": "quadriceps",
        "description": (
            "The only quadriceps muscle that crosses the hip as well as the knee, so it both "
            "straightens the knee and flexes the hip. Two-joint hip flexor stretches target it."
        ),
    },
    {
        "slug": "vastus-lateralis",
        "name": "Vastus lateralis",
        "group": "quadriceps",
        "description": "The large outer quadriceps muscle; it straightens the knee.",
    },
    {
        "slug": "vastus-medialis",
        "name": "Vastus medialis",
        "group": "quadriceps",
        "description": (
            "The inner, teardrop-shaped quadriceps muscle above the knee; it straightens the knee "
            "and helps steady the kneecap."
        ),
    },
    {
        "slug": "vastus-intermedius",
        "name": "Vastus intermedius",
        "group": "quadriceps",
        "description": (
            "The deep quadriceps muscle lying under the rectus femoris; it straightens the knee."
        ),
    },
    # Calves
    {
        "slug": "gastrocnemius",
        "name": "Gastrocnemius",
        "group": "calves",
        "description": (
            "The two-headed surface calf muscle, which crosses the knee and the ankle. It points "
            "the foot for push-off and is worked most with the knee straight."
        ),
    },
    {
        "slug": "soleus",
        "name": "Soleus",
        "group": "calves",
        "description": (
            "The broad calf muscle under the gastrocnemius, crossing only the ankle. It takes a "
            "large share of the load of landing and pushing off."
        ),
    },
    # Hip flexors
    {
        "slug": "iliopsoas",
        "name": "Iliopsoas",
        "group": "hip-flexors",
        "description": (
            "The deep hip flexor (psoas and iliacus) running from the spine and pelvis to the "
            "thigh. It lifts the knee and swings the leg through."
        ),
    },
    {
        "slug": "tensor-fasciae-latae",
        "name": "Tensor fasciae latae (TFL)",
        "group": "hip-flexors",
        "description": (
            "A small muscle at the front and outside of the hip that helps flex it. When "
            "over-active it can switch on together with the glutes and hamstrings and work against "
            "hip extension."
        ),
    },
    # Adductors
    {
        "slug": "adductor-magnus",
        "name": "Adductor magnus",
        "group": "adductors",
        "description": (
            "The largest inner-thigh muscle. It pulls the leg inwards and its rear part helps the "
            "hamstrings extend the hip."
        ),
    },
    # Core
    {
        "slug": "rectus-abdominis",
        "name": "Rectus abdominis",
        "group": "core",
        "description": (
            "The long front abdominal muscle. It resists the trunk arching and helps keep the "
            "pelvis and ribcage aligned."
        ),
    },
    {
        "slug": "obliques",
        "name": "Obliques",
        "group": "core",
        "description": (
            "The internal and external obliques on the sides of the trunk. They rotate the torso "
            "and control unwanted twisting while the arms and legs swing."
        ),
    },
    {
        "slug": "transversus-abdominis",
        "name": "Transversus abdominis",
        "group": "core",
        "description": (
            "The deepest abdominal muscle, wrapping round the trunk like a belt. It braces the "
            "spine and pelvis and is part of the core that helps prevent running injuries."
        ),
    },
    # Lower back
    {
        "slug": "erector-spinae",
        "name": "Erector spinae",
        "group": "lower-back",
        "description": (
            "The spinal erectors running the length of the back. They hold the spine upright and "
            "keep the lower back straight in running posture and in deadlifts."
        ),
    },
    # Ankle dorsiflexors
    {
        "slug": "tibialis-anterior",
        "name": "Tibialis anterior",
        "group": "ankle-dorsiflexors",
        "description": (
            "The muscle along the front of the shin. It lifts the front of the foot and prepares "
            "it for the next landing."
        ),
    },
    {
        "slug": "extensor-hallucis-longus",
        "name": "Extensor hallucis longus",
        "group": "ankle-dorsiflexors",
        "description": (
            "A thin shin muscle that lifts the big toe and assists in lifting the foot."
        ),
    },
    # Upper body
    {
        "slug": "deltoids",
        "name": "Deltoids",
        "group": "upper-body",
        "description": (
            "The shoulder muscles. They hold you up over your hands in planks, mountain climbers "
            "and burpees, and drive the arm swing."
        ),
    },
    {
        "slug": "pectoralis-major",
        "name": "Pectoralis major",
        "group": "upper-body",
        "description": (
            "The main chest muscle. It supports the body in hands-down positions such as the plank "
            "phase of a burpee."
        ),
    },
    {
        "slug": "triceps-brachii",
        "name": "Triceps brachii",
        "group": "upper-body",
        "description": (
            "The muscle at the back of the upper arm that straightens the elbow. It keeps the arms "
            "locked when you support yourself on your hands."
        ),
    },
]

EQUIPMENT = [
    {"slug": "bodyweight", "name": "Bodyweight / none"},
    {"slug": "barbell", "name": "Barbell"},
    {"slug": "dumbbell", "name": "Dumbbell"},
    {"slug": "kettlebell", "name": "Kettlebell"},
    {"slug": "medicine-ball", "name": "Medicine ball"},
    {"slug": "resistance-band", "name": "Resistance band (Theraband / mini band)"},
    {"slug": "cable-machine", "name": "Cable machine"},
    {"slug": "stability-ball", "name": "Stability ball"},
    {"slug": "suspension-trainer", "name": "Suspension trainer"},
    {"slug": "slider-pads", "name": "Slider pads"},
    {"slug": "leg-curl-machine", "name": "Leg curl machine"},
    {"slug": "leg-press-machine", "name": "Leg press machine"},
    {"slug": "calf-raise-machine", "name": "Calf raise machine"},
    {"slug": "step", "name": "Step or box"},
    {"slug": "bench", "name": "Bench"},
    {"slug": "elevated-surface", "name": "Table, bed or other raised surface"},
    {"slug": "jump-rope", "name": "Jump rope"},
]
