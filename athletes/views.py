from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from athletes import selectors, services, throttle
from athletes.decorators import coach_required
from athletes.forms import (
    AccountDeleteForm,
    AccountForm,
    AthleteProfileForm,
    CoachProfileForm,
    EmailAuthenticationForm,
    InvitationForm,
    RosterFilterForm,
    SignUpForm,
    SquadForm,
    SquadMemberForm,
    add_service_errors,
)
from athletes.models import AthleteProfile, Squad, User
from athletes.units import weekly_volume_text
from caching.templates import template_version
from caching.versions import cached, roster_owner

ROSTER = "athletes/athlete_list.html"

# Accounts ------------------------------------------------------------------------------


class SignInView(auth_views.LoginView):
    """Django's sign-in, by email, refusing further tries from an email address or a client
    address after too many failures (athletes.throttle) until the lock-out ends by itself."""

    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def _email(self) -> str:
        return self.request.POST.get("username", "")[:254]

    def post(self, request, *args, **kwargs):
        address = throttle.client_address(request)
        # Checked before the password, so a locked-out guesser learns nothing and the
        # server spends no hashing on them.
        wait = throttle.lockout_remaining(email=self._email(), address=address)
        if wait:
            return self._locked_out(wait)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        throttle.success_record(email=self._email())
        return super().form_valid(form)

    def form_invalid(self, form):
        if form.has_error(NON_FIELD_ERRORS, "invalid_login"):
            wait = throttle.failure_record(
                email=self._email(), address=throttle.client_address(self.request)
            )
            if wait:
                return self._locked_out(wait)
        return super().form_invalid(form)

    def _locked_out(self, wait: int) -> HttpResponse:
        form = self.get_form_class()(self.request, initial={"username": self._email()})
        message = _("Too many failed sign-in attempts. Try again in %(minutes)s minutes.") % {
            "minutes": throttle.minutes(wait)
        }
        context = self.get_context_data(form=form, lockout_message=message)
        # 429 tells scripts to back off; browsers still show the page and its message.
        response = self.render_to_response(context, status=429)
        response["Retry-After"] = str(wait)
        return response


@require_http_methods(["GET", "POST"])
@login_not_required
@sensitive_post_parameters("password1", "password2")
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("coaching:home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            if form.chosen_role == SignUpForm.ROLE_BOTH:
                services.self_coaching_start(user=user)
            if user.is_athlete:
                services.athlete_profile_set_time_zone(
                    user=user, time_zone=form.cleaned_data["time_zone"]
                )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        if form.chosen_role == SignUpForm.ROLE_BOTH:
            welcome = _(
                "Welcome to Drivephase, %(name)s. Start in Programmes: copy a template and "
                "assign it to yourself."
            )
        else:
            welcome = _("Welcome to Drivephase, %(name)s.")
        messages.success(request, welcome % {"name": user.name})
        return redirect("coaching:home")
    return render(request, "athletes/signup.html", {"form": form})


@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    data = request.POST or None
    self_coached = selectors.is_self_coached(user)
    account_form = AccountForm(data, instance=user, prefix="account", self_coached=self_coached)
    athlete_form = (
        AthleteProfileForm(
            data, instance=services.athlete_profile_ensure(user=user), prefix="athlete"
        )
        if user.is_athlete
        else None
    )
    coach_form = (
        CoachProfileForm(data, instance=services.coach_profile_ensure(user=user), prefix="coach")
        if user.is_coach
        else None
    )
    forms = [f for f in (account_form, athlete_form, coach_form) if f is not None]
    if request.method == "POST" and all(f.is_valid() for f in forms):
        with transaction.atomic():
            for form in forms:
                form.save()
            wanted = account_form.cleaned_data["self_coached"]
            if wanted and not self_coached:
                services.self_coaching_start(user=user)
            elif self_coached and not wanted:
                services.self_coaching_stop(user=user)
        if wanted and not self_coached:
            messages.success(
                request,
                _(
                    "Your profile is saved. You now plan your own strength work: copy a "
                    "programme and assign it to yourself."
                ),
            )
        elif self_coached and not wanted:
            messages.success(
                request,
                _(
                    "Your profile is saved. You no longer plan your own strength work; "
                    "your schedule and history are kept."
                ),
            )
        else:
            messages.success(request, _("Your profile is saved."))
        return redirect("profile")
    return render(
        request,
        "athletes/profile.html",
        {"account_form": account_form, "athlete_form": athlete_form, "coach_form": coach_form},
    )


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters("password")
def account_delete(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = AccountDeleteForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=user)
        logout(request)
        messages.success(request, _("Your account and everything in it are deleted."))
        return redirect("coaching:landing")
    return render(
        request,
        "athletes/account_delete.html",
        {"form": form, "athlete_count": selectors.others_coached_by(user).count()},
    )


# Invitations, seen by the invited person ---------------------------------------------


@require_http_methods(["GET", "POST"])
@login_not_required
@sensitive_post_parameters("password1", "password2")
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.invitation_find(token=token)
    if invitation is None or not invitation.is_pending:
        status = 404 if invitation is None else 410
        return render(
            request, "athletes/invitation_accept.html", {"invitation": invitation}, status=status
        )
    user = request.user
    if not user.is_authenticated:
        form = SignUpForm(request.POST or None, initial={"email": invitation.email}, invited=True)
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                user = form.save()
                services.invitation_accept(invitation=invitation, user=user)
                services.athlete_profile_set_time_zone(
                    user=user, time_zone=form.cleaned_data["time_zone"]
                )
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome! %(coach)s is now your coach.") % {"coach": invitation.coach},
            )
            return redirect("coaching:home")
        return render(
            request,
            "athletes/invitation_accept.html",
            {"invitation": invitation, "form": form, "login_url": _login_back(request)},
        )
    different_account = user.email.lower() != invitation.email.lower()
    if request.method == "POST":
        if different_account and request.POST.get("confirm_other_account") != "yes":
            messages.error(request, _("Confirm that you want to join with this account."))
        else:
            try:
                services.invitation_accept(invitation=invitation, user=user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("%(coach)s is now your coach.") % {"coach": invitation.coach}
                )
                return redirect("coaching:home")
    return render(
        request,
        "athletes/invitation_accept.html",
        {"invitation": invitation, "different_account": different_account},
    )


def _login_back(request: HttpRequest) -> str:
    return f"{reverse('login')}?next={request.path}"


# The coach's roster -----------------------------------------------------------------


def _roster_cards(athletes, coach: User) -> list[dict]:
    """Each card's text worked out once here: the template only places it."""
    no_goal = _("No goal race set")
    # get_goal_event_display() rebuilds and hashes the translated choices on every call.
    goal_names = {value: str(label) for value, label in AthleteProfile.GoalEvent.choices}
    cards = []
    for athlete in athletes:
        profile = selectors.profile_of(athlete)
        goal, km, injured = no_goal, "", False
        if profile is not None:
            if profile.goal_event:
                goal = goal_names.get(profile.goal_event, profile.goal_event)
                if profile.goal_date:
                    goal += " · " + date_format(profile.goal_date, "j M Y")
            km = weekly_volume_text(profile.weekly_km, profile.units)
            injured = bool(profile.injury_notes)
        name = athlete.name or athlete.email
        cards.append(
            {
                "pk": athlete.pk,
                "name": _("%(name)s (you)") % {"name": name} if athlete.pk == coach.pk else name,
                "email": athlete.email,
                "goal": goal,
                "km": km,
                "squads": [squad.name for squad in athlete.roster_squads],
                "injured": injured,
            }
        )
    return cards


def _open_invitations(coach: User) -> list:
    return list(selectors.invitations_of(coach).filter(accepted_at__isnull=True)[:50])


def _roster_results(coach: User, filters: dict, filtered: bool) -> SafeString:
    """The athlete cards (the read-only #roster-results fragment), cached until one of the
    listed athletes' name, profile or squads, or the coach's roster (links, squads), changes
    (caching/versions.py). Access first: the scoped query of the coach's athletes runs on
    every request, and only its pks key the cache."""

    def render_cards() -> SafeString:
        athletes = selectors.roster_for(coach, **filters)
        context = {"athletes": _roster_cards(athletes, coach), "filtered": filtered}
        return render_to_string(f"{ROSTER}#roster-results", context)

    if not filters["query"] and filters["squad"] is None:
        ids = selectors.roster_ids(coach)
    else:
        athletes = selectors.roster_for(coach, **filters).prefetch_related(None)
        ids = sorted(athletes.values_list("pk", flat=True))
    return cached(
        "roster-results",
        [*ids, roster_owner(coach.pk)],
        (coach.pk, ids, filtered, get_language(), template_version(ROSTER)),
        render_cards,
    )


def _roster_context(request: HttpRequest, coach: User) -> dict:
    """The roster page: its forms and the open invitations rendered on every request (they
    carry the CSRF token and what was typed), the athlete cards from the cache."""
    squads = list(selectors.squads_of(coach))
    filter_form = RosterFilterForm(request.GET, squads=squads)
    filters = filter_form.filters()
    filtered = bool(filters["query"] or filters["squad"])
    return {
        # Lazy: a fragment that shows neither runs no query for them.
        "roster_results": SimpleLazyObject(lambda: _roster_results(coach, filters, filtered)),
        "filter_form": filter_form,
        "squads": squads,
        "squad_form": SquadForm(),
        "invitation_form": InvitationForm(squads=squads, auto_id="id_invite_%s"),
        "invitations": SimpleLazyObject(lambda: _open_invitations(coach)),
    }


@require_GET
@coach_required
@vary_on_headers("HX-Request")
def athlete_list(request: HttpRequest) -> HttpResponse:
    context = _roster_context(request, request.user)
    if request.htmx and not request.htmx.history_restore_request:
        return HttpResponse(context["roster_results"])
    return render(request, ROSTER, context)


@require_GET
@coach_required
def athlete_detail(request: HttpRequest, pk: int) -> HttpResponse:
    athlete = selectors.athlete_for_coach(request.user, pk)
    profile = selectors.profile_of(athlete)
    return render(
        request,
        "athletes/athlete_detail.html",
        {
            "athlete": athlete,
            "is_you": athlete.pk == request.user.pk,
            "profile": profile,
            "weekly_volume": weekly_volume_text(
                profile.weekly_km if profile else None, profile.units if profile else ""
            ),
            "all_squads": selectors.squads_of(request.user),
            "member_of": {squad.pk for squad in athlete.roster_squads},
        },
    )


@require_http_methods(["GET", "POST"])
@coach_required
def athlete_remove(request: HttpRequest, pk: int) -> HttpResponse:
    athlete = selectors.athlete_for_coach(request.user, pk)
    if athlete.pk == request.user.pk:
        # Your own place on your roster is the profile's "I plan my own strength work".
        messages.info(
            request,
            _(
                "To stop planning your own strength work, untick \u201cI plan my own strength "
                "work\u201d in your profile."
            ),
        )
        return redirect("profile")
    if request.method == "POST":
        services.roster_remove(coach=request.user, athlete=athlete)
        messages.success(
            request,
            _("%(name)s is no longer on your roster. Their account and history are kept.")
            % {"name": athlete},
        )
        return redirect("roster:athlete_list")
    return render(request, "athletes/athlete_remove.html", {"athlete": athlete})


@require_POST
@coach_required
def invitation_create(request: HttpRequest) -> HttpResponse:
    coach = request.user
    form = InvitationForm(
        request.POST, squads=list(selectors.squads_of(coach)), auto_id="id_invite_%s"
    )
    if form.is_valid():
        try:
            invitation = services.invitation_create(
                coach=coach,
                email=form.cleaned_data["email"],
                squad=form.cleaned_data["squad"],
                message=form.cleaned_data["message"],
                accept_url=_accept_url(request),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            if not request.htmx:
                return redirect("roster:athlete_list")
            form = None
    context = _roster_context(request, coach)
    if form is not None:
        context["invitation_form"] = form
    return render(request, f"{ROSTER}#invitations" if request.htmx else ROSTER, context)


def _accept_url(request: HttpRequest):
    def build(token: str) -> str:
        return request.build_absolute_uri(reverse("invitation_accept", args=[token]))

    return build


@require_POST
@coach_required
def invitation_resend(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(selectors.invitations_of(request.user), pk=pk)
    try:
        services.invitation_resend(invitation=invitation, accept_url=_accept_url(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("A new link was sent to %(email)s.") % {"email": invitation.email}
        )
    return _invitations_response(request)


@require_POST
@coach_required
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(selectors.invitations_of(request.user), pk=pk)
    services.invitation_revoke(invitation=invitation)
    messages.success(
        request, _("The invitation to %(email)s is revoked.") % {"email": invitation.email}
    )
    return _invitations_response(request)


def _invitations_response(request: HttpRequest) -> HttpResponse:
    if not request.htmx:
        return redirect("roster:athlete_list")
    return render(request, f"{ROSTER}#invitations", _roster_context(request, request.user))


# Squads -----------------------------------------------------------------------------


@require_POST
@coach_required
def squad_create(request: HttpRequest) -> HttpResponse:
    form = SquadForm(request.POST)
    if form.is_valid():
        try:
            squad = services.squad_create(coach=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Squad %(name)s created.") % {"name": squad.name})
            if request.htmx:
                return HttpResponseClientRedirect(reverse("roster:squad_detail", args=[squad.pk]))
            return redirect("roster:squad_detail", pk=squad.pk)
    context = _roster_context(request, request.user) | {"squad_form": form}
    return render(request, f"{ROSTER}#squads" if request.htmx else ROSTER, context)


def _squad_context(request: HttpRequest, squad: Squad, **forms) -> dict:
    roster = list(selectors.athletes_coached_by(request.user).order_by("name"))
    members = list(squad.members.filter(pk__in=[a.pk for a in roster]).order_by("name"))
    member_ids = {m.pk for m in members}
    candidates = [a for a in roster if a.pk not in member_ids]
    return {
        "squad": squad,
        "members": members,
        "candidates": candidates,
        "member_form": forms.get("member_form") or SquadMemberForm(candidates=candidates),
        "rename_form": forms.get("rename_form") or SquadForm(initial={"name": squad.name}),
    }


@require_GET
@coach_required
def squad_detail(request: HttpRequest, pk: int) -> HttpResponse:
    squad = get_object_or_404(selectors.squads_of(request.user), pk=pk)
    return render(request, "athletes/squad_detail.html", _squad_context(request, squad))


@require_POST
@coach_required
def squad_rename(request: HttpRequest, pk: int) -> HttpResponse:
    squad = get_object_or_404(selectors.squads_of(request.user), pk=pk)
    form = SquadForm(request.POST)
    if form.is_valid():
        try:
            services.squad_rename(squad=squad, name=form.cleaned_data["name"])
        except ValidationError as error:
            add_service_errors(form, error)
            squad.refresh_from_db()
        else:
            messages.success(request, _("Squad renamed to %(name)s.") % {"name": squad.name})
            if not request.htmx:
                return redirect("roster:squad_detail", pk=squad.pk)
            form = None
    context = _squad_context(request, squad, rename_form=form)
    template = "athletes/squad_detail.html"
    return render(request, template + "#squad-header" if request.htmx else template, context)


@require_POST
@coach_required
def squad_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    squad = get_object_or_404(selectors.squads_of(request.user), pk=pk)
    context = _squad_context(request, squad)
    form = SquadMemberForm(request.POST, candidates=context["candidates"])
    if form.is_valid():
        athlete = form.cleaned_data["athlete"]
        services.squad_add_athlete(squad=squad, athlete=athlete)
        messages.success(
            request, _("%(name)s joined %(squad)s.") % {"name": athlete, "squad": squad}
        )
        if not request.htmx:
            return redirect("roster:squad_detail", pk=squad.pk)
        context = _squad_context(request, squad)
    else:
        context["member_form"] = form
    template = "athletes/squad_detail.html"
    return render(request, template + "#squad-members" if request.htmx else template, context)


@require_POST
@coach_required
def squad_member_remove(request: HttpRequest, pk: int, athlete_pk: int) -> HttpResponse:
    squad = get_object_or_404(selectors.squads_of(request.user), pk=pk)
    athlete = get_object_or_404(squad.members.all(), pk=athlete_pk)
    services.squad_remove_athlete(squad=squad, athlete=athlete)
    messages.success(request, _("%(name)s left %(squad)s.") % {"name": athlete, "squad": squad})
    if not request.htmx:
        return redirect("roster:squad_detail", pk=squad.pk)
    return render(
        request, "athletes/squad_detail.html#squad-members", _squad_context(request, squad)
    )


@require_http_methods(["GET", "POST"])
@coach_required
def squad_delete(request: HttpRequest, pk: int) -> HttpResponse:
    squad = get_object_or_404(selectors.squads_of(request.user), pk=pk)
    if request.method == "POST":
        name = squad.name
        services.squad_delete(squad=squad)
        messages.success(
            request,
            _("Squad %(name)s deleted. Its athletes are still on your roster.") % {"name": name},
        )
        return redirect("roster:athlete_list")
    return render(request, "athletes/squad_delete.html", {"squad": squad})


@require_POST
@coach_required
def athlete_squad_toggle(request: HttpRequest, pk: int, squad_pk: int) -> HttpResponse:
    athlete = selectors.athlete_for_coach(request.user, pk)
    squad = get_object_or_404(selectors.squads_of(request.user), pk=squad_pk)
    if squad.pk in {s.pk for s in athlete.roster_squads}:
        services.squad_remove_athlete(squad=squad, athlete=athlete)
    else:
        services.squad_add_athlete(squad=squad, athlete=athlete)
    if not request.htmx:
        return redirect("roster:athlete_detail", pk=athlete.pk)
    athlete = selectors.athlete_for_coach(request.user, pk)
    return render(
        request,
        "athletes/athlete_detail.html#athlete-squads",
        {
            "athlete": athlete,
            "all_squads": selectors.squads_of(request.user),
            "member_of": {s.pk for s in athlete.roster_squads},
        },
    )
