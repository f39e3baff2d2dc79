<#
  TrayPop with Invoke-RestMethod: GET, POST JSON, POST form, the /pop redirect and /health.
  Where it goes: nowhere in particular; copy the call you need into your hook or script.
  Runs as is against `traypop demo` (Jane Doe is found from +14255550101):
    pwsh -File examples.ps1 [-Port 47470]
  The token, when TrayPop:Listener:TokenFile (or :Token) is set: the first line of the same per-user file,
  %LOCALAPPDATA%\TrayPop\token on Windows, ~/.config/traypop/token elsewhere, sent as X-TrayPop-Token.
  A refusal (400, 401, 429) throws: catch it, as the last example does, and say why where it will be seen.
#>
param([int] $Port = 47470,
      [string] $TokenFile = $(if ($env:LOCALAPPDATA) { Join-Path $env:LOCALAPPDATA 'TrayPop\token' } else { Join-Path $HOME '.config/traypop/token' }))
$base = "http://127.0.0.1:$Port"
$auth = @{}
if (Test-Path -LiteralPath $TokenFile -PathType Leaf) {
    $auth['X-TrayPop-Token'] = (Get-Content -LiteralPath $TokenFile -TotalCount 1).Trim()
}
$callId = "ps-$PID"   # our own call id, so a rerun is a new call

# GET /call: -Body with a hashtable on a GET becomes a URL-escaped query string ("+" -> %2B).
Invoke-RestMethod "$base/call" -Headers $auth -Body @{ number = '+14255550101'; type = 'inbound'; phase = 'ring'; callId = $callId }

# POST /call with JSON.
$json = @{ number = '+14255550101'; type = 'inbound'; phase = 'answer'; callId = $callId } | ConvertTo-Json -Compress
Invoke-RestMethod "$base/call" -Headers $auth -Method Post -ContentType 'application/json' -Body $json

# POST /call with a form (a hashtable body on POST is sent as application/x-www-form-urlencoded).
Invoke-RestMethod "$base/call" -Headers $auth -Method Post -Body @{ number = '+14255550101'; type = 'inbound'; phase = 'end'; callId = $callId }

# The reply is an object: act on it.
$reply = Invoke-RestMethod "$base/call" -Headers $auth -Body @{ number = '+14255550188'; type = 'outbound' }
"TrayPop said $($reply.status): $($reply.action) $($reply.url)"

# GET /pop answers 302 to the CRM page; stop at the redirect to see where it points (PowerShell 7).
$pop = Invoke-WebRequest "$base/pop?number=%2B14255550101" -Headers $auth -MaximumRedirection 0 -SkipHttpErrorCheck -ErrorAction SilentlyContinue
"/pop -> $($pop.StatusCode) $($pop.Headers.Location)"

# Health: version, CRM reachability, listeners.
Invoke-RestMethod "$base/health" -Headers $auth | ConvertTo-Json -Depth 4

# A refusal throws: 400 malformed, 401 token missing or wrong, 429 too many. Say why, and fail the hook.
try {
    Invoke-RestMethod "$base/call" -Headers $auth -Body @{ number = '+14255550101'; type = 'sideways' }
}
catch {
    Write-Warning "TrayPop refused the event ($([int]$_.Exception.Response.StatusCode)): $($_.ErrorDetails.Message)"
}
