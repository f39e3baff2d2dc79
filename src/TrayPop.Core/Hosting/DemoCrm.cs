namespace TrayPop.Core.Hosting;

/// <summary>A CRM started in-process for <c>demo</c>: where it listens, and a sample caller it knows.</summary>
public sealed record DemoCrm(Uri Url, IAsyncDisposable Server, string SampleNumber, string SampleName);
