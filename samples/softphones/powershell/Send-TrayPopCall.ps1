<#
.SYNOPSIS
  Hands one call event to the TrayPop running in this session (HTTP intake, 127.0.0.1:47470).

.DESCRIPTION
  A small reusable wrapper for softphone and PBX-client hooks that can run PowerShell.
  Where it goes: C:\Program Files\TrayPop\softphones\powershell\Send-TrayPopCall.ps1 (the one install path of the Windows samples, see ../README.md), run from the hook as
    powershell.exe -NoProfile -ExecutionPolicy Bypass -WindowStyle Hidden -File "C:\Program Files\TrayPop\softphones\powershell\Send-TrayPopCall.ps1" -Number %NUMBER% -Phase answer
  or dot-source it and call Send-TrayPopCall from your own script.
  Prints TrayPop's reply (status, action, url...). Exit codes match `traypop pop`:
  0 accepted, 2 TrayPop refused the event (the reason is printed), 3 no TrayPop running.
  A refusal or a missing TrayPop is also written to stderr and to the Windows Application event log
  (source "TrayPop", when it is registered; syslog through `logger` under PowerShell on Linux), so a
  hook that runs hidden still leaves a trace an engineer can find.

  The token: when TrayPop:Listener:TokenFile (or :Token) is set, every event must carry it. The script
  reads the first line of the same per-user file, by default %LOCALAPPDATA%\TrayPop\token on Windows and
  ~/.config/traypop/token elsewhere (-TokenFile or $env:TRAYPOP_TOKEN_FILE to change it), and sends it
  as the X-TrayPop-Token header, never on a command line.

.EXAMPLE
  .\Send-TrayPopCall.ps1 -Number '+14255550101' -Type inbound -Phase answer -CallId 'c-1001'
#>
param(
    # The other party: digits, +E.164, a sip:/tel: URI or "Name" <sip:...>; 'anonymous' when withheld.
    [Parameter(Mandatory)] [string] $Number,
    [ValidateSet('inbound', 'outbound', 'internal', 'predictive')] [string] $Type = 'inbound',
    # ring, answer or end; leave out to act at once.
    [ValidateSet('', 'ring', 'answer', 'end')] [string] $Phase = '',
    # The softphone's id for the call: with it, repeated events for one call pop once.
    [string] $CallId = '',
    [string] $Extension = '',
    [string] $Name = '',
    # TrayPop:Listener:Port
    [int] $Port = 47470,
    # The per-user token file TrayPop:Listener:TokenFile names; no file, no token.
    [string] $TokenFile = $(if ($env:TRAYPOP_TOKEN_FILE) { $env:TRAYPOP_TOKEN_FILE }
                           elseif ($env:LOCALAPPDATA) { Join-Path $env:LOCALAPPDATA 'TrayPop\token' }
                           else { Join-Path $(if ($env:XDG_CONFIG_HOME) { $env:XDG_CONFIG_HOME } else { Join-Path $HOME '.config' }) 'traypop/token' })
)

function Write-TrayPopTrace {
    # stderr, then the Application event log (Windows) or syslog (elsewhere); logging never fails the hook.
    param([string] $Message)
    [Console]::Error.WriteLine("Send-TrayPopCall: $Message")
    try {
        if ($IsLinux -or $IsMacOS) { logger -t traypop-powershell -p user.warning -- $Message 2>$null }
        else { [System.Diagnostics.EventLog]::WriteEntry('TrayPop', $Message, 'Warning', 1001) }
    }
    catch { }   # the "TrayPop" source is not registered and we may not register it: stderr must do
}

function Read-TrayPopToken {
    param([string] $Path)
    if (-not $Path -or -not (Test-Path -LiteralPath $Path -PathType Leaf)) { return $null }
    $first = Get-Content -LiteralPath $Path -TotalCount 1
    if ($first) { return $first.Trim() }
    return $null
}

function Send-TrayPopCall {
    param([hashtable] $Fields, [int] $Port, [string] $Token)
    # A JSON body: no URL-escaping to get wrong (a bare "+" in a query string would become a space).
    $body = $Fields | ConvertTo-Json -Compress
    $headers = @{}
    if ($Token) { $headers['X-TrayPop-Token'] = $Token }
    try {
        Invoke-RestMethod -Method Post -Uri "http://127.0.0.1:$Port/call" -ContentType 'application/json' -Body $body -Headers $headers -TimeoutSec 10
    }
    catch {
        $response = $_.Exception.Response
        if ($null -eq $response) {
            Write-TrayPopTrace "No TrayPop is running in this session: nothing answered on 127.0.0.1:$Port."
            exit 3
        }
        # 400 malformed, 401 token missing or wrong, 429 too many: the body says why.
        Write-TrayPopTrace "TrayPop refused the call event ($([int]$response.StatusCode)): $($_.ErrorDetails.Message)"
        exit 2
    }
}

$fields = @{ number = $Number; type = $Type }
if ($Phase) { $fields.phase = $Phase }
if ($CallId) { $fields.callId = $CallId }
if ($Extension) { $fields.extension = $Extension }
if ($Name) { $fields.name = $Name }

Send-TrayPopCall -Fields $fields -Port $Port -Token (Read-TrayPopToken $TokenFile)
