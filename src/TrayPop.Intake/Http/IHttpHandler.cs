namespace TrayPop.Intake.Http;

/// <summary>What the server does with each request it has read: the application behind it.</summary>
internal interface IHttpHandler
{
    Task<HttpResponse> HandleAsync(HttpRequest request, CancellationToken cancellationToken);
}
