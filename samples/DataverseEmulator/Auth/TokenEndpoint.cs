using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DataverseEmulator.Auth;

/// <summary>
/// <c>POST /{tenant}/oauth2/v2.0/token</c> for the client-credentials grant, with a client secret or a signed client
/// assertion (<c>private_key_jwt</c>), answering and failing as Entra ID does.
/// </summary>
internal sealed class TokenEndpoint(EmulatorAuth auth, TimeProvider timeProvider)
{
    public async Task HandleAsync(HttpContext context)
    {
        var now = timeProvider.GetUtcNow();
        if (!context.Request.HasFormContentType)
        {
            await WriteError(context, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.", now);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var grantType = form["grant_type"].ToString();
        var clientId = form["client_id"].ToString();
        var secret = form["client_secret"].ToString();
        var assertion = form["client_assertion"].ToString();
        var scope = form["scope"].ToString();
        if (grantType.Length == 0)
        {
            await WriteError(context, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.", now);
            return;
        }

        if (grantType != "client_credentials")
        {
            await WriteError(context, 400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{grantType}'.", now);
            return;
        }

        if (clientId.Length == 0)
        {
            await WriteError(context, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.", now);
            return;
        }

        if (scope.Length == 0)
        {
            await WriteError(context, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.", now);
            return;
        }

        if (!scope.EndsWith("/.default", StringComparison.Ordinal))
        {
            await WriteError(context, 400, "invalid_scope", 1002012, $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).", now);
            return;
        }

        if (assertion.Length > 0)
        {
            if (!await CheckAssertionAsync(context, form["client_assertion_type"].ToString(), clientId, assertion, now))
            {
                return;
            }
        }
        else
        {
            switch (auth.CheckClient(clientId, secret.Length == 0 ? null : secret))
            {
                case ClientCheck.UnknownClient:
                    await WriteError(context, 400, "unauthorized_client", 700016, $"Application with identifier '{clientId}' was not found in the directory.", now);
                    return;
                case ClientCheck.WrongSecret when secret.Length == 0:
                    await WriteError(context, 401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", now);
                    return;
                case ClientCheck.WrongSecret:
                    await WriteError(context, 401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.", now);
                    return;
            }
        }

        var lifetime = auth.TokenLifetime;
        var token = auth.IssueToken(lifetime);
        var seconds = (long)lifetime.TotalSeconds;
        var body = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = seconds,
            ["ext_expires_in"] = seconds,
            ["access_token"] = token,
        };
        context.Response.Headers.CacheControl = "no-store, no-cache";
        await WriteJson(context, 200, body);
    }

    /// <summary>Answers the error and returns false unless the assertion is a jwt-bearer one that <see cref="ClientAssertion"/> accepts.</summary>
    private async Task<bool> CheckAssertionAsync(HttpContext context, string assertionType, string clientId, string assertion, DateTimeOffset now)
    {
        if (assertionType != ClientAssertion.JwtBearerType)
        {
            await WriteError(context, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_assertion_type'.", now);
            return false;
        }

        if (!auth.IsKnownClient(clientId))
        {
            await WriteError(context, 400, "unauthorized_client", 700016, $"Application with identifier '{clientId}' was not found in the directory.", now);
            return false;
        }

        // The audience is this endpoint as the client addressed it.
        var request = context.Request;
        var endpoint = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        var check = auth.CheckClientAssertion(clientId, assertion, endpoint);
        if (!check.IsAccepted)
        {
            await WriteError(context, 401, "invalid_client", check.Code, check.Description, now);
        }

        return check.IsAccepted;
    }

    /// <summary>A minimal OpenID configuration so clients that discover endpoints find the token endpoint.</summary>
    public static Task HandleDiscoveryAsync(HttpContext context)
    {
        var tenant = context.Request.RouteValues["tenant"]?.ToString() ?? "common";
        var root = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/{tenant}";
        var body = new JsonObject
        {
            ["issuer"] = $"{root}/v2.0",
            ["authorization_endpoint"] = $"{root}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{root}/oauth2/v2.0/token",
            ["grant_types_supported"] = new JsonArray("client_credentials"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt"),
        };
        return WriteJson(context, 200, body);
    }

    private static Task WriteError(HttpContext context, int status, string error, int code, string description, DateTimeOffset now) =>
        WriteJson(context, status, AadError.Create(error, code, description, now, Guid.NewGuid()));

    private static Task WriteJson(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
