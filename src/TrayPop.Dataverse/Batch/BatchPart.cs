using System.Net;

namespace TrayPop.Dataverse.Batch;

/// <summary>One response inside a <c>$batch</c> answer.</summary>
internal sealed record BatchPart(HttpStatusCode Status, string Body);
