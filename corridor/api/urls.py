"""The API assembly: one NinjaAPI, each app's router mounted, one error shape, token auth."""

from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import URLPattern
from ninja import NinjaAPI, Router
from ninja.operation import Operation

from corridor.accounts.api import router as accounts_router
from corridor.api.auth import TokenAuth
from corridor.api.errors import install_error_handlers, method_not_allowed
from corridor.cases.api import router as cases_router
from corridor.parties.api import router as parties_router
from corridor.people.api import router as people_router
from corridor.referrals.api import router as referrals_router
from corridor.rights.api import router as rights_router
from corridor.screening.api import router as screening_router


class CorridorAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        # Endpoint function names are unique and read well in generated clients ("open_case"),
        # unlike django-ninja's default "corridor_cases_api_open_case".
        return operation.view_func.__name__

    @property
    def urls(self) -> tuple[list[Any], str, str]:
        patterns, app_name, namespace = super().urls
        return [self._with_json_405(pattern) for pattern in patterns], app_name, namespace

    def _with_json_405(self, pattern: Any) -> Any:
        """django-ninja answers a method a URL does not accept with a bare 405; give it the error
        shape every other failure has."""
        if not isinstance(pattern, URLPattern):
            return pattern
        view = pattern.callback

        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            response: HttpResponse = view(request, *args, **kwargs)
            if isinstance(response, HttpResponseNotAllowed):
                return method_not_allowed(self, request, response["Allow"])
            return response

        return URLPattern(pattern.pattern, checked, pattern.default_args, pattern.name)


api = CorridorAPI(
    title="Corridor API",
    version="1",
    description=(
        "Cases, people and parties of one organisation, for that organisation's API tokens. "
        'Every error answers {"error": {"code", "message", "fields"}}.'
    ),
    urls_namespace="api",
    auth=TokenAuth(),
)
install_error_handlers(api)

api.add_router("", accounts_router)
api.add_router("", people_router)
api.add_router("", parties_router)
api.add_router("", cases_router)
api.add_router("", screening_router)
api.add_router("", rights_router)
api.add_router("", referrals_router)

# Mounted last so that it only catches what no operation matched: unknown URLs under the API
# answer in the API's error shape instead of the HTML 404 page.
fallback = Router()


@fallback.api_operation(["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", auth=None, include_in_schema=False)
def unknown_path(request: HttpRequest, rest: str) -> None:
    raise Http404


api.add_router("", fallback)
