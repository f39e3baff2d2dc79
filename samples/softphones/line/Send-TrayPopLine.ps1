<#
.SYNOPSIS
  TrayPop's TCP line protocol from PowerShell (Windows PowerShell 5.1 or PowerShell 7):
  one JSON object per line to 127.0.0.1:47471, one JSON reply line back per event.

.DESCRIPTION
  Where it goes: a softphone or PBX-client hook that can run PowerShell, e.g.
    powershell.exe -NoProfile -File C:\TrayPop\Send-TrayPopLine.ps1 -Number %CALLERID% -Phase answer
  The connection may carry any number of events; this script sends the ones given and prints each reply.

.EXAMPLE
  .\Send-TrayPopLine.ps1 -Number '+14255550101' -Type inbound -Phase answer -CallId abc
#>
param(
    [Parameter(Mandatory)] [string] $Number,
    [ValidateSet('inbound', 'outbound', 'internal', 'predictive')] [string] $Type = 'inbound',
    [ValidateSet('', 'ring', 'answer', 'end')] [string] $Phase = '',
    [string] $CallId = '',
    [int] $LinePort = 47471
)

$event = [ordered]@{ number = $Number; type = $Type }
if ($Phase) { $event.phase = $Phase }
if ($CallId) { $event.callId = $CallId }

$client = [System.Net.Sockets.TcpClient]::new()
try {
    $client.Connect('127.0.0.1', $LinePort)
    $stream = $client.GetStream()
    # UTF-8 without a byte-order mark, "\n" line ends: what the protocol expects.
    $utf8 = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.IO.StreamWriter]::new($stream, $utf8)
    $writer.NewLine = "`n"
    $writer.AutoFlush = $true
    $reader = [System.IO.StreamReader]::new($stream, $utf8)

    $writer.WriteLine(($event | ConvertTo-Json -Compress))
    $reply = $reader.ReadLine()
    $reply
    if (($reply | ConvertFrom-Json).error) { exit 1 }
}
catch {
    # Windows PowerShell 5.1 wraps the SocketException, PowerShell 7 does not: say it plainly either way.
    Write-Error "No TrayPop answered on 127.0.0.1:$LinePort (TrayPop:Listener:LinePort): $($_.Exception.Message)"
    exit 3
}
finally {
    $client.Dispose()
}
