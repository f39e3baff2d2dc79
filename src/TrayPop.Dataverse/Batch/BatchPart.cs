using System.Net;

namespace TrayPop.Dataverse.Batch;

/// <summary>One response inside a <c>$batch</c> answer.</summary>
/// <param name="RetryAfter">The part's own <c>Retry-After</c> (a throttled part inside a batch that answered 200).</param>
internal sealed record BatchPart(HttpStatusCode Status, string Body, TimeSpan? RetryAfter = null);
