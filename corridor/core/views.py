from django.http import HttpRequest, HttpResponse
def home(request: HttpRequest) -> HttpResponse: return HttpResponse("ok")
def healthz(request: HttpRequest) -> HttpResponse: return HttpResponse("ok")
def language_set(request: HttpRequest) -> HttpResponse: return HttpResponse("ok")
def forbidden(request, exception=None): return HttpResponse("no", status=403)
def not_found(request, exception=None): return HttpResponse("no", status=404)
