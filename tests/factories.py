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
