from ninja import NinjaAPI

api = NinjaAPI(title="Corridor API", version="1", urls_namespace="api")
