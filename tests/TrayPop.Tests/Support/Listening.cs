using System.Net;

namespace TrayPop.Tests.Support;

/// <summary>Waits for a started service's HTTP intake to answer <c>/health</c> (with 401 when it asks for a token).</summary>
internal static class Listening
{
    public static async Task WaitAsync(int port)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(20);
        }
    }
}
