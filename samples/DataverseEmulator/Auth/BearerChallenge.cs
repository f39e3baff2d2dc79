using DataverseEmulator.WebApi;

namespace DataverseEmulator.Auth;

/// <summary>The 401 Dataverse gives without a valid token; clients read the authority from WWW-Authenticate.</summary>
internal static class BearerChallenge
{
    public static ApiResponse For(TokenCheck check, Uri organizationRoot, string tenantId)
    {
        var message = check switch
        {
            TokenCheck.Missing => "Bearer token is required: the Authorization header is missing or not a Bearer token.",
            TokenCheck.Expired => "The access token has expired.",
            _ => "The access token is not valid for this organization.",
        };

        // Dataverse points at the tenant's authorize endpoint; the emulator's token endpoint lives beside it.
        var challenge = $"Bearer authorization_uri={organizationRoot}{tenantId}/oauth2/authorize, resource_id={organizationRoot}";
        if (check is TokenCheck.Expired or TokenCheck.Invalid)
        {
            challenge += $", error=\"invalid_token\", error_description=\"{message}\"";
        }

        return ApiResponse.Error(401, ErrorCodes.Unauthenticated, message).WithHeader("WWW-Authenticate", challenge);
    }
}
