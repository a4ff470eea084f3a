import factory

from athletes.models import User

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"person{n}@example.com")
    password = factory.django.Password(TEST_PASSWORD)


class CoachFactory(UserFactory):
    is_coach = True


class AthleteFactory(UserFactory):
    is_athlete = True


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


class MuscleGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "library.MuscleGroup"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"group-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())
    description = "A muscle group runners use."


class MuscleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "library.Muscle"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"muscle-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())
    group = factory.SubFactory(MuscleGroupFactory)


class EquipmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "library.Equipment"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"kit-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())


class ExerciseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "library.Exercise"
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Exercise {n}")
    slug = factory.Sequence(lambda n: f"exercise-{n}")
    kind = "strength"
    summary = "Builds strength where runners need it."
    steps = "Stand tall.\nLower slowly.\nDrive back up."
    cues = "Hips back\nSlow on the way down"
    status = "published"
    sets = 3
    reps_min = 8
    reps_max = 10
    tempo = "3-0-1-0"
    rest_seconds = 90

    @factory.post_generation
    def primary_muscles(self, create, extracted, **kwargs):
        if create:
            self.primary_muscles.set(extracted or [MuscleFactory()])

    @factory.post_generation
    def secondary_muscles(self, create, extracted, **kwargs):
        if create and extracted:
            self.secondary_muscles.set(extracted)

    @factory.post_generation
    def equipment(self, create, extracted, **kwargs):
        if create and extracted:
            self.equipment.set(extracted)


class GuideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "library.TechniqueGuide"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Guide {n}")
    slug = factory.Sequence(lambda n: f"guide-{n}")
    summary = "How running uses the body."
    body = "## Why it matters\n\nThe hamstrings **pull** the leg back."
    status = "published"

    @factory.post_generation
    def exercises(self, create, extracted, **kwargs):
        if create and extracted:
            self.exercises.set(extracted)


class AthleteProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "athletes.AthleteProfile"
        django_get_or_create = ("user",)

    user = factory.SubFactory(AthleteFactory)
    goal_event = "marathon"
    weekly_km = 50
    long_run_day = 6
    hard_days = factory.LazyFunction(lambda: [1, 3])
    injury_notes = "Sore left achilles in spring."


class SquadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "athletes.Squad"

    coach = factory.SubFactory(CoachFactory)
    name = factory.Sequence(lambda n: f"Squad {n}")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coaching.Programme"

    owner = factory.SubFactory(CoachFactory)
    title = factory.Sequence(lambda n: f"Programme {n}")
    goal = "Stronger hamstrings"
    weeks = 4


class WorkoutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coaching.Workout"

    programme = factory.SubFactory(ProgrammeFactory)
    week = 1
    day = 1
    title = factory.Sequence(lambda n: f"Workout {n}")
    kind = "strength"


class PrescriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coaching.Prescription"

    workout = factory.SubFactory(WorkoutFactory)
    exercise = factory.SubFactory(ExerciseFactory)
    sets = 3
    reps_min = 8
    reps_max = 10
    tempo = "3-0-1-0"
    rest_seconds = 90
