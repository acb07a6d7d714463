"""A client library for accessing Cloudflare Pages Deployment"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
