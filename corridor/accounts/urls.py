from django.urls import path

from corridor.accounts import views

app_name = "accounts"
urlpatterns = [
    path("members", views.members, name="members"),
    path("members/<uuid:membership_id>/role", views.member_role, name="member_role"),
    path("members/<uuid:membership_id>/deactivate", views.member_deactivate, name="member_deactivate"),
    path("api-tokens", views.api_tokens, name="api_tokens"),
    path("api-tokens/<uuid:token_id>/revoke", views.api_token_revoke, name="api_token_revoke"),
    path("switch", views.organisation_switch, name="switch"),
    path("peers-listing", views.peers_listing, name="peers_listing"),
    path("notifications", views.notifications, name="notifications"),
    path("notifications/read", views.notifications_read_all, name="notifications_read_all"),
    path("notifications/<uuid:notification_id>/open", views.notification_open, name="notification_open"),
]
