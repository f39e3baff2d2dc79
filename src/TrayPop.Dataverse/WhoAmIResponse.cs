namespace TrayPop.Dataverse;

/// <summary>The signed-in user as Dataverse's <c>WhoAmI</c> function reports it.</summary>
internal sealed record WhoAmIResponse(Guid UserId, Guid BusinessUnitId, Guid OrganizationId);
