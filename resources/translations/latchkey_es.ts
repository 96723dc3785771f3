<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>The redirect repeats the parameter %1, which RFC 6749 §3.1 forbids.</source>
        <translation>La redirección repite el parámetro %1, lo que la RFC 6749 §3.1 prohíbe.</translation>
    </message>
    <message>
        <source>The redirect comes from the issuer “%1”, not from “%2”: it may be a mix-up attack, so it is refused (RFC 9207).</source>
        <translation>La redirección viene del emisor “%1”, no de “%2”: puede ser un ataque de mix-up, por eso se rechaza (RFC 9207).</translation>
    </message>
    <message>
        <source>Start again; if it repeats, check the provider configuration.</source>
        <translation>Vuelve a empezar; si se repite, revisa la configuración del proveedor.</translation>
    </message>
    <message>
        <source>The redirect has no iss although %1 promises one: it may come from another provider, so it is refused (RFC 9207).</source>
        <translation>La redirección no trae iss aunque %1 lo promete: puede venir de otro proveedor, por eso se rechaza (RFC 9207).</translation>
    </message>
    <message>
        <source>The redirect&apos;s state does not match the request: it belongs to another attempt or was forged, so it is refused.</source>
        <translation>El state de la redirección no coincide con el de la solicitud: pertenece a otro intento o fue falsificado, por eso se rechaza.</translation>
    </message>
    <message>
        <source>The redirect has no state although the request sent one, so it is refused.</source>
        <translation>La redirección no trae state aunque la solicitud envió uno, por eso se rechaza.</translation>
    </message>
    <message>
        <source>Start the authorization again.</source>
        <translation>Vuelve a iniciar la autorización.</translation>
    </message>
    <message>
        <source>The redirect carries neither a code nor an error.</source>
        <translation>La redirección no trae ni un código ni un error.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Age</name>
    <message>
        <source>This is not an age-encrypted file. Choose a file made by an encrypted export or by &quot;age -p&quot;.</source>
        <translation>Este no es un archivo cifrado con age. Elige un archivo generado por una exportación cifrada o por &quot;age -p&quot;.</translation>
    </message>
    <message>
        <source>This file uses an age format version other than v1, which cannot be read here. Decrypt it with the tool that made it.</source>
        <translation>Este archivo usa una versión del formato age distinta de la v1, que no se puede leer aquí. Descífralo con la herramienta que lo generó.</translation>
    </message>
    <message>
        <source>The age header of this file is malformed: the file is damaged or was not written by age. Get a fresh copy of the file.</source>
        <translation>El encabezado age de este archivo está mal formado: el archivo está dañado o no lo generó age. Obtén una copia nueva del archivo.</translation>
    </message>
    <message>
        <source>The armored age text is malformed: its BEGIN or END line, its line lengths or its base64 were changed. Get a fresh copy of the file and do not edit it by hand.</source>
        <translation>El texto age con armor está mal formado: se modificó la línea BEGIN o END, el largo de las líneas o el base64. Obtén una copia nueva del archivo y no lo edites a mano.</translation>
    </message>
    <message>
        <source>This file was encrypted to an age key, not with a passphrase. Decrypt it with &quot;age -d -i&quot; and the matching identity file.</source>
        <translation>Este archivo se cifró para una clave age, no con una frase de contraseña. Descífralo con &quot;age -d -i&quot; y el archivo de identidad correspondiente.</translation>
    </message>
    <message>
        <source>The header of this file mixes a passphrase with other recipients, which the age format forbids: the file was tampered with or made by a faulty tool. Get a fresh copy of the file.</source>
        <translation>El encabezado de este archivo mezcla una frase de contraseña con otros destinatarios, lo que el formato age prohíbe: el archivo fue manipulado o lo generó una herramienta defectuosa. Obtén una copia nueva del archivo.</translation>
    </message>
    <message>
        <source>Wrong passphrase: the file could not be unlocked with it. Check the passphrase, including upper and lower case, and try again.</source>
        <translation>Frase de contraseña incorrecta: no se pudo desbloquear el archivo con ella. Revisa la frase de contraseña, incluidas mayúsculas y minúsculas, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The header of this file failed its integrity check: the file was damaged or altered after it was encrypted. Get a fresh copy of the file.</source>
        <translation>El encabezado de este archivo no pasó la verificación de integridad: el archivo se dañó o se alteró después de cifrarse. Obtén una copia nueva del archivo.</translation>
    </message>
    <message>
        <source>The file is truncated: the encrypted data ends too early. Copy the whole file again.</source>
        <translation>El archivo está truncado: los datos cifrados terminan antes de tiempo. Vuelve a copiar el archivo completo.</translation>
    </message>
    <message>
        <source>The encrypted data is damaged or was altered after encryption, so none of it can be trusted. Get a fresh copy of the file.</source>
        <translation>Los datos cifrados están dañados o se alteraron después del cifrado, así que no se puede confiar en ninguna parte. Obtén una copia nueva del archivo.</translation>
    </message>
    <message>
        <source>The encrypted data ends with an empty chunk, which the age format forbids: the file was altered or made by a faulty tool. Get a fresh copy of the file.</source>
        <translation>Los datos cifrados terminan con un bloque vacío, lo que el formato age prohíbe: el archivo se alteró o lo generó una herramienta defectuosa. Obtén una copia nueva del archivo.</translation>
    </message>
    <message>
        <source>The file has extra data after the end of its encrypted content, so it was altered. Get a fresh copy of the file.</source>
        <translation>El archivo tiene datos adicionales después del final de su contenido cifrado, así que fue alterado. Obtén una copia nueva del archivo.</translation>
    </message>
    <message>
        <source>more memory than any computer has</source>
        <translation>más memoria de la que tiene cualquier computadora</translation>
    </message>
    <message>
        <source>This file needs too much memory to decrypt: its passphrase work factor is %1, which takes %2, above the limit of %3 (%4). Ask for a copy encrypted with a lower work factor, or decrypt it with the age tool on a computer with enough memory.</source>
        <translation>Este archivo necesita demasiada memoria para descifrarse: el factor de trabajo de su frase de contraseña es %1, que requiere %2, por encima del límite de %3 (%4). Pide una copia cifrada con un factor de trabajo menor o descífralo con la herramienta age en una computadora con memoria suficiente.</translation>
    </message>
    <message>
        <source>There was not enough memory to check the passphrase (the file needs %1). Close other programs and try again.</source>
        <translation>No hubo memoria suficiente para verificar la frase de contraseña (el archivo necesita %1). Cierra otros programas y vuelve a intentarlo.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>La solicitud se canceló.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::AccountClient</name>
    <message>
        <source>The server answered something that is not JSON.</source>
        <translation>El servidor respondió algo que no es JSON.</translation>
    </message>
    <message>
        <source>Is %1 a Latchkey account server?</source>
        <translation>¿%1 es un servidor de cuentas de Latchkey?</translation>
    </message>
    <message>
        <source>Say which authorizations to revoke: ids, one consumer or one user.</source>
        <translation>Indica qué autorizaciones revocar: ids, un consumidor o un usuario.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::BrowserSignIn</name>
    <message>
        <source>The account answered without a refresh token.</source>
        <translation>La cuenta respondió sin un refresh token.</translation>
    </message>
    <message>
        <source>Is %1 a Latchkey account server?</source>
        <translation>¿%1 es un servidor de cuentas de Latchkey?</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::ClientCredentialsTokens</name>
    <message>
        <source>Check the automation consumer&apos;s client id and secret (LATCHKEY_CLIENT_ID, LATCHKEY_CLIENT_SECRET).</source>
        <translation>Revisa el client id y el secreto del consumidor de automatización (LATCHKEY_CLIENT_ID, LATCHKEY_CLIENT_SECRET).</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::Export</name>
    <message>
        <source>not in this machine&apos;s keychain for profile %1</source>
        <translation>no está en el llavero de este equipo para el perfil %1</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::HawkSigner</name>
    <message>
        <source>The API key cannot sign this request: check its id and secret.</source>
        <translation>La clave de API no puede firmar esta solicitud: revisa su id y su secreto.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::HttpClient</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>La solicitud se canceló.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 no respondió en %2 s.</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>No se puede acceder a %1: %2</translation>
    </message>
    <message>
        <source>Check the server URL and your network connection, then retry.</source>
        <translation>Revisa la URL del servidor y tu conexión de red, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1.</source>
        <translation>El servidor respondió HTTP %1.</translation>
    </message>
    <message>
        <source>Sign in again, or check the credentials.</source>
        <translation>Vuelve a iniciar sesión o revisa las credenciales.</translation>
    </message>
    <message>
        <source>Someone changed it meanwhile: reload and apply your change again.</source>
        <translation>Otra persona lo modificó mientras tanto: vuelve a cargar y aplica tu cambio de nuevo.</translation>
    </message>
    <message>
        <source>Too many requests: wait %1 s and retry.</source>
        <translation>Demasiadas solicitudes: espera %1 s y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The server had a problem; retry later.</source>
        <translation>El servidor tuvo un problema; vuelve a intentarlo más tarde.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::Jwt</name>
    <message>
        <source>without a kid</source>
        <translation>sin kid</translation>
    </message>
    <message>
        <source>The token is empty.</source>
        <translation>El token está vacío.</translation>
    </message>
    <message>
        <source>This is an encrypted JWT (JWE): only its recipient can read it.</source>
        <translation>Este es un JWT cifrado (JWE): solo su destinatario puede leerlo.</translation>
    </message>
    <message>
        <source>This is not a JWT: a JWT has three parts separated by dots, this has %1.</source>
        <translation>Esto no es un JWT: un JWT tiene tres partes separadas por puntos y este tiene %1.</translation>
    </message>
    <message>
        <source>This is not a JWT: its header is not base64url-encoded JSON.</source>
        <translation>Esto no es un JWT: su encabezado no es JSON codificado en base64url.</translation>
    </message>
    <message>
        <source>This is not a JWT: its header names no algorithm (alg).</source>
        <translation>Esto no es un JWT: su encabezado no indica ningún algoritmo (alg).</translation>
    </message>
    <message>
        <source>This is not a JWT: its payload is not a base64url-encoded JSON object.</source>
        <translation>Esto no es un JWT: su payload no es un objeto JSON codificado en base64url.</translation>
    </message>
    <message>
        <source>This is not a JWT: its signature is not base64url.</source>
        <translation>Esto no es un JWT: su firma no está en base64url.</translation>
    </message>
    <message>
        <source>The token is not signed (alg none): it is never accepted.</source>
        <translation>El token no está firmado (alg none): nunca se acepta.</translation>
    </message>
    <message>
        <source>The token is signed with a shared secret (%1), not with a key of the provider&apos;s JWKS.</source>
        <translation>El token está firmado con un secreto compartido (%1), no con una clave del JWKS del proveedor.</translation>
    </message>
    <message>
        <source>The token is signed with %1; only RS256, PS256, ES256 and EdDSA are verified.</source>
        <translation>El token está firmado con %1; solo se verifican RS256, PS256, ES256 y EdDSA.</translation>
    </message>
    <message>
        <source>The token&apos;s header has critical extensions (crit) this verifier does not understand.</source>
        <translation>El encabezado del token tiene extensiones críticas (crit) que este verificador no entiende.</translation>
    </message>
    <message>
        <source>The provider&apos;s JWKS has no keys.</source>
        <translation>El JWKS del proveedor no tiene claves.</translation>
    </message>
    <message>
        <source>The provider&apos;s JWKS has no key with kid “%1”.</source>
        <translation>El JWKS del proveedor no tiene ninguna clave con kid “%1”.</translation>
    </message>
    <message>
        <source>No key in the provider&apos;s JWKS can verify %1 signatures.</source>
        <translation>Ninguna clave del JWKS del proveedor puede verificar firmas %1.</translation>
    </message>
    <message>
        <source>The key %1 cannot verify %2 signatures: its type, curve, use or alg rule it out.</source>
        <translation>La clave %1 no puede verificar firmas %2: su tipo, curva, use o alg lo impiden.</translation>
    </message>
    <message>
        <source>The %1 signature is valid (key %2).</source>
        <translation>La firma %1 es válida (clave %2).</translation>
    </message>
    <message>
        <source>The signature does not match: the token was altered, or another key signed it.</source>
        <translation>La firma no coincide: el token se alteró o lo firmó otra clave.</translation>
    </message>
    <message>
        <source>The token&apos;s exp or nbf claim is not a number of seconds.</source>
        <translation>El claim exp o nbf del token no es un número de segundos.</translation>
    </message>
    <message>
        <source>The token is not valid before %1.</source>
        <translation>El token no es válido antes de %1.</translation>
    </message>
    <message>
        <source>The token has no expiry (exp).</source>
        <translation>El token no tiene vencimiento (exp).</translation>
    </message>
    <message>
        <source>The token expired at %1.</source>
        <translation>El token venció el %1.</translation>
    </message>
    <message>
        <source>The token is valid until %1.</source>
        <translation>El token es válido hasta el %1.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::KeychainClientCredentials</name>
    <message>
        <source>The automation secret of this profile is not in the keychain.</source>
        <translation>El secreto de automatización de este perfil no está en el llavero.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::KeychainRefreshTokens</name>
    <message>
        <source>You are signed out of this profile.</source>
        <translation>La sesión de este perfil está cerrada.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::LoopbackReceiver</name>
    <message>
        <source>No answer came back from the browser in time.</source>
        <translation>El navegador no respondió a tiempo.</translation>
    </message>
    <message>
        <source>Start the sign-in again.</source>
        <translation>Vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation>El inicio de sesión no se completó</translation>
    </message>
    <message>
        <source>You can close this tab and go back to Latchkey.</source>
        <translation>Puedes cerrar esta pestaña y volver a Latchkey.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Sesión iniciada</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Se canceló el inicio de sesión.</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1: %1</source>
        <translation>No se puede escuchar en 127.0.0.1: %1</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::OAuthClient</name>
    <message>
        <source>The user denied the request.</source>
        <translation>El usuario rechazó la solicitud.</translation>
    </message>
    <message>
        <source>Start again and allow access on the consent page.</source>
        <translation>Vuelve a empezar y permite el acceso en la página de consentimiento.</translation>
    </message>
    <message>
        <source>The provider found the authorization request malformed.</source>
        <translation>El proveedor consideró mal formada la solicitud de autorización.</translation>
    </message>
    <message>
        <source>Check the redirect URI, the scopes and the PKCE setting.</source>
        <translation>Revisa la URI de redirección, los alcances y la configuración de PKCE.</translation>
    </message>
    <message>
        <source>This client is not allowed to use the authorization code flow.</source>
        <translation>Este cliente no tiene permiso para usar el flujo de código de autorización.</translation>
    </message>
    <message>
        <source>Check the grant types registered for the client.</source>
        <translation>Revisa los tipos de concesión registrados para el cliente.</translation>
    </message>
    <message>
        <source>The provider does not issue authorization codes here.</source>
        <translation>El proveedor no emite códigos de autorización aquí.</translation>
    </message>
    <message>
        <source>The provider refused the requested scopes.</source>
        <translation>El proveedor rechazó los alcances solicitados.</translation>
    </message>
    <message>
        <source>Ask only for scopes the client is allowed.</source>
        <translation>Solicita solo alcances permitidos para el cliente.</translation>
    </message>
    <message>
        <source>The provider failed while handling the request.</source>
        <translation>El proveedor falló al procesar la solicitud.</translation>
    </message>
    <message>
        <source>Retry later.</source>
        <translation>Vuelve a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>The provider is temporarily unavailable.</source>
        <translation>El proveedor no está disponible temporalmente.</translation>
    </message>
    <message>
        <source>The provider needs the user to sign in or consent, which this request did not allow.</source>
        <translation>El proveedor necesita que el usuario inicie sesión o dé su consentimiento, lo que esta solicitud no permitió.</translation>
    </message>
    <message>
        <source>Start again without prompt=none.</source>
        <translation>Vuelve a empezar sin prompt=none.</translation>
    </message>
    <message>
        <source>The provider refused the request (%1).</source>
        <translation>El proveedor rechazó la solicitud (%1).</translation>
    </message>
    <message>
        <source>The provider said: “%1”.</source>
        <translation>El proveedor dijo: “%1”.</translation>
    </message>
    <message>
        <source>The provider metadata has no issuer.</source>
        <translation>Los metadatos del proveedor no tienen issuer.</translation>
    </message>
    <message>
        <source>The provider&apos;s issuer “%1” is not an http(s) URL without query and fragment.</source>
        <translation>El emisor “%1” del proveedor no es una URL http(s) sin query ni fragmento.</translation>
    </message>
    <message>
        <source>The provider metadata&apos;s %1 is not an absolute http(s) URL.</source>
        <translation>El %1 de los metadatos del proveedor no es una URL http(s) absoluta.</translation>
    </message>
    <message>
        <source>The token response lacks access_token or token_type (RFC 6749 §5.1).</source>
        <translation>A la respuesta de token le falta access_token o token_type (RFC 6749 §5.1).</translation>
    </message>
    <message>
        <source>The issuer must be an http or https URL without query or fragment, such as https://login.example.com.</source>
        <translation>El emisor debe ser una URL http o https sin query ni fragmento, como https://login.example.com.</translation>
    </message>
    <message>
        <source>The metadata at %1 names the issuer “%2”, not “%3”: it belongs to another provider and cannot be used (RFC 8414 §3.3).</source>
        <translation>Los metadatos en %1 indican el emisor “%2”, no “%3”: pertenecen a otro proveedor y no se pueden usar (RFC 8414 §3.3).</translation>
    </message>
    <message>
        <source>Check the issuer URL; use exactly the one the provider publishes.</source>
        <translation>Revisa la URL del emisor; usa exactamente la que publica el proveedor.</translation>
    </message>
    <message>
        <source>No provider metadata at %1 (HTTP %2) nor at %3 (HTTP %4).</source>
        <translation>No hay metadatos del proveedor en %1 (HTTP %2) ni en %3 (HTTP %4).</translation>
    </message>
    <message>
        <source>Check the issuer URL, or enter the endpoints yourself.</source>
        <translation>Revisa la URL del emisor o ingresa los endpoints manualmente.</translation>
    </message>
    <message>
        <source>The provider has no authorization endpoint: discover it or enter it.</source>
        <translation>El proveedor no tiene endpoint de autorización: descúbrelo o ingrésalo.</translation>
    </message>
    <message>
        <source>A client ID is needed.</source>
        <translation>Se necesita un Client ID.</translation>
    </message>
    <message>
        <source>A redirect URI is needed.</source>
        <translation>Se necesita una URI de redirección.</translation>
    </message>
    <message>
        <source>Check the client ID and secret, and that the client authentication method (Basic or POST) is the one registered for the client.</source>
        <translation>Revisa el Client ID y el secreto, y que el método de autenticación del cliente (Basic o POST) sea el registrado para el cliente.</translation>
    </message>
    <message>
        <source>The code or refresh token is invalid, expired, already used or issued to another client: start the flow again.</source>
        <translation>El código o el refresh token no es válido, venció, ya se usó o se emitió para otro cliente: vuelve a iniciar el flujo.</translation>
    </message>
    <message>
        <source>The provider does not handle this kind of token here.</source>
        <translation>El proveedor no admite este tipo de token aquí.</translation>
    </message>
    <message>
        <source>The provider has no %1 endpoint: discover it or enter it.</source>
        <translation>El proveedor no tiene endpoint de %1: descúbrelo o ingrésalo.</translation>
    </message>
    <message>
        <source>Client authentication with HTTP Basic needs a client secret.</source>
        <translation>La autenticación del cliente con HTTP Basic necesita un secreto del cliente.</translation>
    </message>
    <message>
        <source>Client authentication by POST needs a client secret.</source>
        <translation>La autenticación del cliente por POST necesita un secreto del cliente.</translation>
    </message>
    <message>
        <source>The token endpoint answered something that is not a JSON object.</source>
        <translation>El endpoint de token respondió algo que no es un objeto JSON.</translation>
    </message>
    <message>
        <source>The introspection response is not a JSON object with a boolean “active” (RFC 7662 §2.2).</source>
        <translation>La respuesta de introspección no es un objeto JSON con un booleano “active” (RFC 7662 §2.2).</translation>
    </message>
    <message>
        <source>The provider publishes no JWKS (jwks_uri).</source>
        <translation>El proveedor no publica JWKS (jwks_uri).</translation>
    </message>
    <message>
        <source>The provider&apos;s JWKS is not a JSON object with a “keys” array (RFC 7517 §5).</source>
        <translation>El JWKS del proveedor no es un objeto JSON con un arreglo “keys” (RFC 7517 §5).</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>La solicitud se canceló.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::RefreshTokens</name>
    <message>
        <source>You are signed out of this account.</source>
        <translation>La sesión de esta cuenta está cerrada.</translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation>Vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <source>Your session with this account ended.</source>
        <translation>Tu sesión en esta cuenta terminó.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::SandboxServer</name>
    <message>
        <source>The sandbox is already starting.</source>
        <translation>El sandbox ya se está iniciando.</translation>
    </message>
    <message>
        <source>The sandbox server program latchkey-server was not found beside Latchkey.</source>
        <translation>No se encontró el programa del servidor sandbox, latchkey-server, junto a Latchkey.</translation>
    </message>
    <message>
        <source>Reinstall Latchkey, or set LATCHKEY_SERVER_PROGRAM to the program&apos;s path.</source>
        <translation>Reinstala Latchkey o define LATCHKEY_SERVER_PROGRAM con la ruta del programa.</translation>
    </message>
    <message>
        <source>Cannot create the sandbox folder %1.</source>
        <translation>No se puede crear la carpeta del sandbox %1.</translation>
    </message>
    <message>
        <source>Check that the disk is writable.</source>
        <translation>Verifica que se pueda escribir en el disco.</translation>
    </message>
    <message>
        <source>The sandbox server could not be started: %1</source>
        <translation>No se pudo iniciar el servidor sandbox: %1</translation>
    </message>
    <message>
        <source>The sandbox server stopped (exit code %1).</source>
        <translation>El servidor sandbox se detuvo (código de salida %1).</translation>
    </message>
    <message>
        <source>The sandbox server stopped: %1</source>
        <translation>El servidor sandbox se detuvo: %1</translation>
    </message>
    <message>
        <source>The sandbox server did not start in time.</source>
        <translation>El servidor sandbox no se inició a tiempo.</translation>
    </message>
    <message>
        <source>Quit Latchkey and start it again.</source>
        <translation>Sal de Latchkey y vuelve a abrirlo.</translation>
    </message>
    <message>
        <source>The sandbox server was stopped.</source>
        <translation>El servidor sandbox se detuvo.</translation>
    </message>
    <message>
        <source>The sandbox server stopped unexpectedly. Retry starts it again.</source>
        <translation>El servidor sandbox se detuvo inesperadamente. “Reintentar” lo vuelve a iniciar.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::AuditListModel</name>
    <message>
        <source>Time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Target type</source>
        <translation>Tipo de objeto</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Dirección remota</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>Clave de API creada</translation>
    </message>
    <message>
        <source>API key changed</source>
        <translation>Clave de API modificada</translation>
    </message>
    <message>
        <source>API key disabled</source>
        <translation>Clave de API deshabilitada</translation>
    </message>
    <message>
        <source>API key enabled</source>
        <translation>Clave de API habilitada</translation>
    </message>
    <message>
        <source>API key secret rotated</source>
        <translation>Secreto de la clave de API rotado</translation>
    </message>
    <message>
        <source>API key deleted</source>
        <translation>Clave de API eliminada</translation>
    </message>
    <message>
        <source>Consumer created</source>
        <translation>Consumidor creado</translation>
    </message>
    <message>
        <source>Consumer changed</source>
        <translation>Consumidor modificado</translation>
    </message>
    <message>
        <source>Consumer disabled</source>
        <translation>Consumidor deshabilitado</translation>
    </message>
    <message>
        <source>Consumer enabled</source>
        <translation>Consumidor habilitado</translation>
    </message>
    <message>
        <source>Consumer secret rotated</source>
        <translation>Secreto del consumidor rotado</translation>
    </message>
    <message>
        <source>Consumer deleted</source>
        <translation>Consumidor eliminado</translation>
    </message>
    <message>
        <source>Authorization granted</source>
        <translation>Autorización concedida</translation>
    </message>
    <message>
        <source>Authorization revoked</source>
        <translation>Autorización revocada</translation>
    </message>
    <message>
        <source>Authorizations revoked in bulk</source>
        <translation>Autorizaciones revocadas en bloque</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>Usuario agregado</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Consumidor</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorización</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> y %n más</numerusform>
            <numerusform> y %n más</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::AuditPage</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Filtro de acción</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <source>Time filter</source>
        <translation>Filtro de período</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Cualquier momento</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Última hora</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Últimas 24 horas</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Target type</source>
        <translation>Tipo de objeto</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Dirección remota</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n audit event(s).</source>
        <translation>
            <numerusform>Se copió %n evento de auditoría.</numerusform>
            <numerusform>Se copiaron %n eventos de auditoría.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::AuthorizationListModel</name>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Consumidor</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Alcances</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation>Autorizada el</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocada</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Revoked by %1</source>
        <translation>Revocada por %1</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::AuthorizationsPage</name>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Revocar…</translation>
    </message>
    <message>
        <source>Revoke All of &amp;Consumer…</source>
        <translation>Revocar todas del &amp;consumidor…</translation>
    </message>
    <message>
        <source>Revoke All of &amp;User…</source>
        <translation>Revocar todas del &amp;usuario…</translation>
    </message>
    <message>
        <source>&amp;Copy ID</source>
        <translation>Copiar &amp;ID</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocada</translation>
    </message>
    <message>
        <source>User filter</source>
        <translation>Filtro de usuario</translation>
    </message>
    <message>
        <source>Consumer filter</source>
        <translation>Filtro de consumidor</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Todos los usuarios</translation>
    </message>
    <message>
        <source>All consumers</source>
        <translation>Todos los consumidores</translation>
    </message>
    <message>
        <source>Authorizations</source>
        <translation>Autorizaciones</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Revoke every active authorization of %1</source>
        <translation>Revocar todas las autorizaciones activas de %1</translation>
    </message>
    <message>
        <source>Choose a consumer in the filter or select a row first</source>
        <translation>Elige un consumidor en el filtro o selecciona una fila primero</translation>
    </message>
    <message>
        <source>Choose a user in the filter or select a row first</source>
        <translation>Elige un usuario en el filtro o selecciona una fila primero</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Consumidor</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Alcances</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation>Autorizada el</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Revoked at</source>
        <translation>Revocada el</translation>
    </message>
    <message>
        <source>Revoked by</source>
        <translation>Revocada por</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Revoke the authorization of %1 for %2?</source>
        <translation>¿Revocar la autorización de %1 para %2?</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n selected authorizations?</source>
        <translation>
            <numerusform>¿Revocar %n autorización seleccionada?</numerusform>
            <numerusform>¿Revocar %n autorizaciones seleccionadas?</numerusform>
        </translation>
    </message>
    <message>
        <source>Their access and refresh tokens stop working at once. The user has to authorize the application again to use it. This cannot be undone.</source>
        <translation>Sus access tokens y refresh tokens dejan de funcionar de inmediato. El usuario tendrá que volver a autorizar la aplicación para usarla. Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>The authorization was not revoked</source>
        <translation>No se revocó la autorización</translation>
    </message>
    <message>
        <source>Authorization of %1 for %2 revoked.</source>
        <translation>Se revocó la autorización de %1 para %2.</translation>
    </message>
    <message numerus="yes">
        <source>Revoking %n authorizations…</source>
        <translation>
            <numerusform>Revocando %n autorización…</numerusform>
            <numerusform>Revocando %n autorizaciones…</numerusform>
        </translation>
    </message>
    <message>
        <source>The authorizations were not revoked</source>
        <translation>No se revocaron las autorizaciones</translation>
    </message>
    <message numerus="yes">
        <source>%n authorization(s) revoked.</source>
        <translation>
            <numerusform>Se revocó %n autorización.</numerusform>
            <numerusform>Se revocaron %n autorizaciones.</numerusform>
        </translation>
    </message>
    <message>
        <source>The authorizations were not counted</source>
        <translation>No se pudieron contar las autorizaciones</translation>
    </message>
    <message>
        <source>%1 has no active authorizations.</source>
        <translation>%1 no tiene autorizaciones activas.</translation>
    </message>
    <message>
        <source>Revoke the only active authorization of %1?</source>
        <translation>¿Revocar la única autorización activa de %1?</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n authorizations of %1?</source>
        <translation>
            <numerusform>¿Revocar %n autorización de %1?</numerusform>
            <numerusform>¿Revocar %n autorizaciones de %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>Every user who authorized %1 loses its access at once; its tokens stop working. This cannot be undone.</source>
        <translation>Todos los usuarios que autorizaron %1 pierden el acceso de inmediato; sus tokens dejan de funcionar. Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>Every application %1 authorized loses its access at once; their tokens stop working. This cannot be undone.</source>
        <translation>Todas las aplicaciones que %1 autorizó pierden el acceso de inmediato; sus tokens dejan de funcionar. Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>Revoke All</source>
        <translation>Revocar todas</translation>
    </message>
    <message numerus="yes">
        <source>Revoking %n authorizations of %1…</source>
        <translation>
            <numerusform>Revocando %n autorización de %1…</numerusform>
            <numerusform>Revocando %n autorizaciones de %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n authorization(s) of %1 revoked.</source>
        <translation>
            <numerusform>Se revocó %n autorización de %1.</numerusform>
            <numerusform>Se revocaron %n autorizaciones de %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n authorization id(s).</source>
        <translation>
            <numerusform>Se copió %n id de autorización.</numerusform>
            <numerusform>Se copiaron %n ids de autorización.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::ConsumerEditDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Create consumer</source>
        <translation>&amp;Crear consumidor</translation>
    </message>
    <message>
        <source>Require PKCE (S256) in the authorization-code flow</source>
        <translation>Exigir PKCE (S256) en el flujo de código de autorización</translation>
    </message>
    <message>
        <source>Edit OAuth consumer %1</source>
        <translation>Editar consumidor OAuth %1</translation>
    </message>
    <message>
        <source>New OAuth consumer</source>
        <translation>Nuevo consumidor OAuth</translation>
    </message>
    <message>
        <source>e.g. Partner portal</source>
        <translation>p. ej.: Portal de socios</translation>
    </message>
    <message>
        <source>What this application is (optional)</source>
        <translation>Qué es esta aplicación (opcional)</translation>
    </message>
    <message>
        <source>Choose a permission group…</source>
        <translation>Elige un grupo de permisos…</translation>
    </message>
    <message>
        <source>Client credentials</source>
        <translation>Credenciales de cliente</translation>
    </message>
    <message>
        <source>Authorization code</source>
        <translation>Código de autorización</translation>
    </message>
    <message>
        <source>Confidential (a server that keeps a secret)</source>
        <translation>Confidencial (un servidor que guarda un secreto)</translation>
    </message>
    <message>
        <source>Public (a native or browser app: no secret)</source>
        <translation>Público (app nativa o de navegador: sin secreto)</translation>
    </message>
    <message>
        <source>One per line, e.g.
https://app.example.com/callback
http://127.0.0.1/callback
com.example.app:/callback</source>
        <translation>Una por línea, p. ej.:
https://app.example.com/callback
http://127.0.0.1/callback
com.example.app:/callback</translation>
    </message>
    <message>
        <source>Fixed when the consumer was created.</source>
        <translation>Se fijó al crear el consumidor.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message>
        <source>Permission &amp;group</source>
        <translation>&amp;Grupo de permisos</translation>
    </message>
    <message>
        <source>G&amp;rant type</source>
        <translation>&amp;Tipo de concesión</translation>
    </message>
    <message>
        <source>Client &amp;type</source>
        <translation>Tipo de c&amp;liente</translation>
    </message>
    <message>
        <source>Redirect &amp;URIs</source>
        <translation>&amp;URI de redirección</translation>
    </message>
    <message>
        <source>PKCE</source>
        <translation>PKCE</translation>
    </message>
    <message>
        <source>For applications that act for a user of the account: the user signs in and consents, and the application receives a code at one of its redirect URIs.</source>
        <translation>Para aplicaciones que actúan en nombre de un usuario de la cuenta: el usuario inicia sesión y da su consentimiento, y la aplicación recibe un código en una de sus URI de redirección.</translation>
    </message>
    <message>
        <source>For server-to-server integrations: the application gets tokens with its own client ID and secret, without a user.</source>
        <translation>Para integraciones entre servidores: la aplicación obtiene tokens con su propio Client ID y secreto, sin usuario.</translation>
    </message>
    <message>
        <source>A public client always uses PKCE.</source>
        <translation>Un cliente público siempre usa PKCE.</translation>
    </message>
    <message>
        <source>is not an absolute URI such as https://app.example.com/callback.</source>
        <translation>no es una URI absoluta como https://app.example.com/callback.</translation>
    </message>
    <message>
        <source>must not have a fragment (#…).</source>
        <translation>no debe tener fragmento (#…).</translation>
    </message>
    <message>
        <source>must not carry a user name or password.</source>
        <translation>no debe incluir nombre de usuario ni contraseña.</translation>
    </message>
    <message>
        <source>needs a host.</source>
        <translation>necesita un host.</translation>
    </message>
    <message>
        <source>http is only allowed on a loopback host (127.0.0.1, [::1], localhost); use https.</source>
        <translation>http solo se permite en un host de loopback (127.0.0.1, [::1], localhost); usa https.</translation>
    </message>
    <message>
        <source>must use https, http on a loopback host, or a reverse-domain private scheme such as com.example.app:/callback.</source>
        <translation>debe usar https, http en un host de loopback o un esquema privado de dominio inverso como com.example.app:/callback.</translation>
    </message>
    <message>
        <source>Line %1, “%2”: %3</source>
        <translation>Línea %1, “%2”: %3</translation>
    </message>
    <message>
        <source>Authorization code needs at least one redirect URI.</source>
        <translation>El código de autorización necesita al menos una URI de redirección.</translation>
    </message>
    <message>
        <source>Choose the permission group the consumer&apos;s tokens act with.</source>
        <translation>Elige el grupo de permisos con el que actúan los tokens del consumidor.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::ConsumerListModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>Grant type</source>
        <translation>Tipo de concesión</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>Tipo de cliente</translation>
    </message>
    <message>
        <source>Permission group</source>
        <translation>Grupo de permisos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado el</translation>
    </message>
    <message>
        <source>Authorization code</source>
        <translation>Código de autorización</translation>
    </message>
    <message>
        <source>Client credentials</source>
        <translation>Credenciales de cliente</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Público</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Confidencial</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deshabilitado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::ConsumersPage</name>
    <message>
        <source>&amp;New Consumer…</source>
        <translation>&amp;Nuevo consumidor…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Rotate Secret…</source>
        <translation>&amp;Rotar secreto…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deshabilitar</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>&amp;Copy Client ID</source>
        <translation>&amp;Copiar Client ID</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>New OAuth consumer (Ctrl+N)</source>
        <translation>Nuevo consumidor OAuth (Ctrl+N)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deshabilitado</translation>
    </message>
    <message>
        <source>OAuth Consumers</source>
        <translation>Consumidores OAuth</translation>
    </message>
    <message>
        <source>A public client has no secret to rotate.</source>
        <translation>Un cliente público no tiene secreto que rotar.</translation>
    </message>
    <message>
        <source>Rotate the client secret</source>
        <translation>Rotar el secreto del cliente</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Permission group</source>
        <translation>Grupo de permisos</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Grant type</source>
        <translation>Tipo de concesión</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>Tipo de cliente</translation>
    </message>
    <message>
        <source>Redirect URIs</source>
        <translation>URI de redirección</translation>
    </message>
    <message>
        <source>PKCE</source>
        <translation>PKCE</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>Access tokens live</source>
        <translation>Vigencia de los access tokens</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado el</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Creado por</translation>
    </message>
    <message>
        <source>Secret rotated</source>
        <translation>Secreto rotado el</translation>
    </message>
    <message>
        <source>Old secret works until</source>
        <translation>Secreto anterior válido hasta</translation>
    </message>
    <message>
        <source>OAuth consumer %1 created.</source>
        <translation>Se creó el consumidor OAuth %1.</translation>
    </message>
    <message>
        <source>OAuth consumer %1 saved.</source>
        <translation>Se guardó el consumidor OAuth %1.</translation>
    </message>
    <message>
        <source>client secret</source>
        <translation>secreto del cliente</translation>
    </message>
    <message>
        <source>The client secret was not rotated</source>
        <translation>No se rotó el secreto del cliente</translation>
    </message>
    <message>
        <source>The client secret of %1 was rotated.</source>
        <translation>Se rotó el secreto del cliente de %1.</translation>
    </message>
    <message>
        <source>The consumer was not enabled</source>
        <translation>No se habilitó el consumidor</translation>
    </message>
    <message>
        <source>The consumer was not disabled</source>
        <translation>No se deshabilitó el consumidor</translation>
    </message>
    <message>
        <source>OAuth consumer %1 enabled.</source>
        <translation>Se habilitó el consumidor OAuth %1.</translation>
    </message>
    <message>
        <source>OAuth consumer %1 disabled.</source>
        <translation>Se deshabilitó el consumidor OAuth %1.</translation>
    </message>
    <message>
        <source>Delete OAuth consumer “%1”?</source>
        <translation>¿Eliminar el consumidor OAuth “%1”?</translation>
    </message>
    <message>
        <source>The application with client ID %1 can no longer get tokens; its tokens stop working at once and the authorizations users granted it are deleted. This cannot be undone.</source>
        <translation>La aplicación con Client ID %1 ya no podrá obtener tokens; sus tokens dejan de funcionar de inmediato y se eliminan las autorizaciones que le concedieron los usuarios. Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete Consumer</source>
        <translation>Eliminar consumidor</translation>
    </message>
    <message>
        <source>The consumer was not deleted</source>
        <translation>No se eliminó el consumidor</translation>
    </message>
    <message>
        <source>OAuth consumer %1 deleted.</source>
        <translation>Se eliminó el consumidor OAuth %1.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n client ID(s).</source>
        <translation>
            <numerusform>Se copió %n Client ID.</numerusform>
            <numerusform>Se copiaron %n Client ID.</numerusform>
        </translation>
    </message>
    <message>
        <source>No client secret</source>
        <translation>Sin secreto del cliente</translation>
    </message>
    <message>
        <source>%1 is a public client: it has no client secret.</source>
        <translation>%1 es un cliente público: no tiene secreto del cliente.</translation>
    </message>
    <message>
        <source>It signs users in with its client ID %1 and PKCE; there is nothing secret to keep or export.</source>
        <translation>Inicia la sesión de los usuarios con su Client ID %1 y PKCE; no hay nada secreto que guardar ni exportar.</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secreto del cliente</translation>
    </message>
    <message>
        <source>&amp;Test in Flow Tester</source>
        <translation>&amp;Probar en el probador de flujos</translation>
    </message>
    <message>
        <source>Run this consumer&apos;s grant in the Flow Tester (Ctrl+T)</source>
        <translation>Ejecutar la concesión de este consumidor en el probador de flujos (Ctrl+T)</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::EntityEditDialog</name>
    <message>
        <source>A name is required.</source>
        <translation>El nombre es obligatorio.</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>Como máximo %1 caracteres.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::EntityPage</name>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Buscar (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtro de estado</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>&amp;Habilitar</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deshabilitar</translation>
    </message>
    <message>
        <source>Select a row to see its details.</source>
        <translation>Selecciona una fila para ver sus detalles.</translation>
    </message>
    <message>
        <source>The secret is not in the keychain</source>
        <translation>El secreto no está en el llavero</translation>
    </message>
    <message>
        <source>Rotate the secret once the keychain works to keep a copy.</source>
        <translation>Rota el secreto cuando el llavero funcione para guardar una copia.</translation>
    </message>
    <message>
        <source>Not connected to the account.</source>
        <translation>Sin conexión con la cuenta.</translation>
    </message>
    <message>
        <source>Retry once the window is back online.</source>
        <translation>Vuelve a intentarlo cuando la ventana vuelva a estar en línea.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::ExportDialog</name>
    <message>
        <source>API Keys</source>
        <translation>Claves de API</translation>
    </message>
    <message>
        <source>OAuth Consumers</source>
        <translation>Consumidores OAuth</translation>
    </message>
    <message>
        <source>&amp;Encrypt with a passphrase (age)</source>
        <translation>&amp;Cifrar con frase de contraseña (age)</translation>
    </message>
    <message>
        <source>ASCII &amp;armor (text instead of binary)</source>
        <translation>ASCII &amp;armor (texto en lugar de binario)</translation>
    </message>
    <message>
        <source>Export credentials</source>
        <translation>Exportar credenciales</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secreto</translation>
    </message>
    <message>
        <source>dotenv (.env)</source>
        <translation>dotenv (.env)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Postman environment (v2.1)</source>
        <translation>Entorno de Postman (v2.1)</translation>
    </message>
    <message>
        <source>curl script (.sh)</source>
        <translation>Script curl (.sh)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Formato</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>Frase de contra&amp;seña</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>&amp;Repítela</translation>
    </message>
    <message>
        <source>&amp;Save to</source>
        <translation>&amp;Guardar en</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>reading the keychain…</source>
        <translation>leyendo el llavero…</translation>
    </message>
    <message>
        <source>in the keychain</source>
        <translation>en el llavero</translation>
    </message>
    <message>
        <source>not in the keychain</source>
        <translation>no está en el llavero</translation>
    </message>
    <message>
        <source>public client: no secret</source>
        <translation>cliente público: sin secreto</translation>
    </message>
    <message>
        <source>Tick the keys and consumers to export.</source>
        <translation>Marca las claves y los consumidores que quieres exportar.</translation>
    </message>
    <message>
        <source>Choose the file to save to.</source>
        <translation>Elige el archivo donde guardar.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>La carpeta %1 no existe.</translation>
    </message>
    <message>
        <source>Type a passphrase, or untick encryption.</source>
        <translation>Escribe una frase de contraseña o desmarca el cifrado.</translation>
    </message>
    <message>
        <source>The passphrases do not match.</source>
        <translation>Las frases de contraseña no coinciden.</translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) are not in this computer&apos;s keychain and are exported as MISSING, with the reason. To export one, rotate it: the new secret is kept in the keychain.</source>
        <translation>
            <numerusform>%n secreto no está en el llavero de este equipo y se exporta como MISSING, con el motivo. Para exportarlo, rótalo: el nuevo secreto se guarda en el llavero.</numerusform>
            <numerusform>%n secretos no están en el llavero de este equipo y se exportan como MISSING, con el motivo. Para exportar uno, rótalo: el nuevo secreto se guarda en el llavero.</numerusform>
        </translation>
    </message>
    <message>
        <source>A passphrase of 12 characters or more is much harder to guess.</source>
        <translation>Una frase de contraseña de 12 caracteres o más es mucho más difícil de adivinar.</translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation>Guardar la exportación como</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::FlowBrowser</name>
    <message>
        <source>Run an authorization-code test with the built-in browser: the provider&apos;s sign-in and consent pages appear here, each test in a private browser of its own.</source>
        <translation>Ejecuta una prueba de código de autorización con el navegador integrado: las páginas de inicio de sesión y de consentimiento del proveedor aparecen aquí, cada prueba en un navegador privado propio.</translation>
    </message>
    <message>
        <source>Caught: %1</source>
        <translation>Capturado: %1</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::FlowTesterPage</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>&amp;Browser</source>
        <translation>&amp;Navegador</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Línea de tiempo</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>The page %1 could not be loaded: the provider may be down or unreachable from this computer. Nothing was caught.</source>
        <translation>No se pudo cargar la página %1: el proveedor puede estar caído o no ser accesible desde este equipo. No se capturó nada.</translation>
    </message>
    <message>
        <source>Flow Tester</source>
        <translation>Probador de flujos</translation>
    </message>
    <message>
        <source>Authorization code</source>
        <translation>Código de autorización</translation>
    </message>
    <message>
        <source>Client credentials</source>
        <translation>Credenciales de cliente</translation>
    </message>
    <message>
        <source>API key (Hawk)</source>
        <translation>Clave de API (Hawk)</translation>
    </message>
    <message>
        <source>This account</source>
        <translation>Esta cuenta</translation>
    </message>
    <message>
        <source>Issuer URL (discovery)</source>
        <translation>URL del emisor (descubrimiento)</translation>
    </message>
    <message>
        <source>Explicit endpoints</source>
        <translation>Endpoints explícitos</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>Show the secret</source>
        <translation>Mostrar el secreto</translation>
    </message>
    <message>
        <source>HTTP Basic (client_secret_basic)</source>
        <translation>HTTP Basic (client_secret_basic)</translation>
    </message>
    <message>
        <source>In the form (client_secret_post)</source>
        <translation>En el formulario (client_secret_post)</translation>
    </message>
    <message>
        <source>None (public client)</source>
        <translation>Ninguna (cliente público)</translation>
    </message>
    <message>
        <source>Built-in browser</source>
        <translation>Navegador integrado</translation>
    </message>
    <message>
        <source>System browser (loopback redirect)</source>
        <translation>Navegador del sistema (redirección de loopback)</translation>
    </message>
    <message>
        <source>space-separated, e.g. assets:read</source>
        <translation>separados por espacios, p. ej.: assets:read</translation>
    </message>
    <message>
        <source>S256 (recommended)</source>
        <translation>S256 (recomendado)</translation>
    </message>
    <message>
        <source>plain (to test servers)</source>
        <translation>plain (para probar servidores)</translation>
    </message>
    <message>
        <source>Off (to test servers)</source>
        <translation>Desactivado (para probar servidores)</translation>
    </message>
    <message>
        <source>whoami, userinfo or any URL</source>
        <translation>whoami, userinfo o cualquier URL</translation>
    </message>
    <message>
        <source>&amp;Test:</source>
        <translation>Pr&amp;ueba:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Proveedor:</translation>
    </message>
    <message>
        <source>C&amp;onsumer:</source>
        <translation>C&amp;onsumidor:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>Clave de &amp;API:</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>&amp;Emisor:</translation>
    </message>
    <message>
        <source>Authorize URL:</source>
        <translation>URL de autorización:</translation>
    </message>
    <message>
        <source>Token URL:</source>
        <translation>URL de token:</translation>
    </message>
    <message>
        <source>Revocation URL:</source>
        <translation>URL de revocación:</translation>
    </message>
    <message>
        <source>Introspection URL:</source>
        <translation>URL de introspección:</translation>
    </message>
    <message>
        <source>JWKS URL:</source>
        <translation>URL del JWKS:</translation>
    </message>
    <message>
        <source>Client I&amp;D:</source>
        <translation>Client I&amp;D:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>&amp;Secreto del cliente:</translation>
    </message>
    <message>
        <source>Client a&amp;uthentication:</source>
        <translation>Au&amp;tenticación del cliente:</translation>
    </message>
    <message>
        <source>Re&amp;direct URI:</source>
        <translation>UR&amp;I de redirección:</translation>
    </message>
    <message>
        <source>&amp;Browser:</source>
        <translation>Nave&amp;gador:</translation>
    </message>
    <message>
        <source>Sco&amp;pes:</source>
        <translation>Al&amp;cances:</translation>
    </message>
    <message>
        <source>P&amp;KCE:</source>
        <translation>P&amp;KCE:</translation>
    </message>
    <message>
        <source>E&amp;xtra parameters:</source>
        <translation>Parámetros &amp;adicionales:</translation>
    </message>
    <message>
        <source>&amp;Call URL:</source>
        <translation>URL de lla&amp;mada:</translation>
    </message>
    <message>
        <source>&amp;Run Test</source>
        <translation>E&amp;jecutar prueba</translation>
    </message>
    <message>
        <source>Run the test (Ctrl+Return)</source>
        <translation>Ejecutar la prueba (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop the running test (Esc)</source>
        <translation>Detener la prueba en curso (Esc)</translation>
    </message>
    <message>
        <source>The token response appears here, its tokens masked.</source>
        <translation>La respuesta de token aparece aquí, con los tokens enmascarados.</translation>
    </message>
    <message>
        <source>Re&amp;veal tokens</source>
        <translation>Re&amp;velar tokens</translation>
    </message>
    <message>
        <source>Copy Access Token</source>
        <translation>Copiar access token</translation>
    </message>
    <message>
        <source>Access token copied; the clipboard is cleared in 30 seconds.</source>
        <translation>Access token copiado; el portapapeles se borrará en 30 segundos.</translation>
    </message>
    <message>
        <source>Tokens that are JWTs are decoded here (header and claims), their signature checked against the provider&apos;s JWKS.</source>
        <translation>Los tokens que son JWT se decodifican aquí (encabezado y claims), y su firma se verifica con el JWKS del proveedor.</translation>
    </message>
    <message>
        <source>Ca&amp;ll URL</source>
        <translation>Llama&amp;r a la URL</translation>
    </message>
    <message>
        <source>GET the Call URL with the access token as a Bearer token</source>
        <translation>Hacer un GET a la URL de llamada con el access token como token Bearer</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;novar</translation>
    </message>
    <message>
        <source>I&amp;ntrospect</source>
        <translation>&amp;Introspeccionar</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>Revo&amp;car</translation>
    </message>
    <message>
        <source>The token Introspect and Revoke send</source>
        <translation>El token que envían Introspeccionar y Revocar</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Access token</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>Refresh token</translation>
    </message>
    <message>
        <source>What the calls with the token answered: whoami, introspection, revocation.</source>
        <translation>Lo que respondieron las llamadas con el token: whoami, introspección, revocación.</translation>
    </message>
    <message>
        <source>Pick an exchange to see its headers and bodies, secrets masked.</source>
        <translation>Elige un intercambio para ver sus encabezados y cuerpos, con los secretos enmascarados.</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Copiar como &amp;curl</translation>
    </message>
    <message>
        <source>curl command copied (secrets masked).</source>
        <translation>Comando curl copiado (secretos enmascarados).</translation>
    </message>
    <message>
        <source>Copy &amp;All as curl</source>
        <translation>Copiar &amp;todo como curl</translation>
    </message>
    <message>
        <source>curl commands copied: %1 (secrets masked).</source>
        <translation>Comandos curl copiados: %1 (secretos enmascarados).</translation>
    </message>
    <message>
        <source>Every HTTP exchange of the test. Secrets are masked here and in what is copied.</source>
        <translation>Todos los intercambios HTTP de la prueba. Los secretos se enmascaran aquí y en lo que se copia.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Alcances</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Run &amp;Again</source>
        <translation>&amp;Volver a ejecutar</translation>
    </message>
    <message>
        <source>Load this test into the set-up panel and run it (no secret is kept in the history: it comes from the keychain or the field)</source>
        <translation>Cargar esta prueba en el panel de configuración y ejecutarla (el historial no guarda ningún secreto: se toma del llavero o del campo)</translation>
    </message>
    <message>
        <source>Past tests of this account, newest first. No secret or token is kept.</source>
        <translation>Pruebas anteriores de esta cuenta, de la más reciente a la más antigua. No se guarda ningún secreto ni token.</translation>
    </message>
    <message>
        <source>API &amp;secret:</source>
        <translation>&amp;Secreto de la API:</translation>
    </message>
    <message>
        <source>&amp;Issuer (optional):</source>
        <translation>&amp;Emisor (opcional):</translation>
    </message>
    <message>
        <source>Looking in the keychain…</source>
        <translation>Buscando en el llavero…</translation>
    </message>
    <message>
        <source>From the keychain.</source>
        <translation>Obtenido del llavero.</translation>
    </message>
    <message>
        <source>Not in the keychain: type it, or rotate the secret to get a new one.</source>
        <translation>No está en el llavero: escríbelo o rota el secreto para obtener uno nuevo.</translation>
    </message>
    <message>
        <source>Pick an API key, or type its id.</source>
        <translation>Elige una clave de API o escribe su id.</translation>
    </message>
    <message>
        <source>Type the API secret: the keychain does not hold it.</source>
        <translation>Escribe el secreto de la API: no está en el llavero.</translation>
    </message>
    <message>
        <source>The Call URL must be an http or https URL.</source>
        <translation>La URL de llamada debe ser una URL http o https.</translation>
    </message>
    <message>
        <source>Add an account first, or test another provider by its issuer URL.</source>
        <translation>Agrega una cuenta primero o prueba otro proveedor por la URL de su emisor.</translation>
    </message>
    <message>
        <source>The issuer must be an http or https URL, like https://id.example.com.</source>
        <translation>El emisor debe ser una URL http o https, como https://id.example.com.</translation>
    </message>
    <message>
        <source>The authorize URL must be an http or https URL.</source>
        <translation>La URL de autorización debe ser una URL http o https.</translation>
    </message>
    <message>
        <source>The token URL must be an http or https URL.</source>
        <translation>La URL de token debe ser una URL http o https.</translation>
    </message>
    <message>
        <source>The issuer must be an http or https URL, or empty.</source>
        <translation>El emisor debe ser una URL http o https, o quedar vacío.</translation>
    </message>
    <message>
        <source>Type the client ID (pick a consumer to fill it).</source>
        <translation>Escribe el Client ID (elige un consumidor para completarlo).</translation>
    </message>
    <message>
        <source>Type the client secret, or choose None for a public client.</source>
        <translation>Escribe el secreto del cliente o elige Ninguna para un cliente público.</translation>
    </message>
    <message>
        <source>Type the redirect URI the provider sends the browser back to.</source>
        <translation>Escribe la URI de redirección a la que el proveedor devuelve el navegador.</translation>
    </message>
    <message>
        <source>Extra parameters go as name=value pairs joined by &amp;.</source>
        <translation>Los parámetros adicionales van como pares nombre=valor unidos por &amp;.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Reading the provider&apos;s metadata (discovery)…</source>
        <translation>Leyendo los metadatos del proveedor (descubrimiento)…</translation>
    </message>
    <message>
        <source>The provider&apos;s metadata could not be read.</source>
        <translation>No se pudieron leer los metadatos del proveedor.</translation>
    </message>
    <message>
        <source>The loopback listener could not start.</source>
        <translation>No se pudo iniciar la escucha en loopback.</translation>
    </message>
    <message>
        <source>The authorization request could not be made.</source>
        <translation>No se pudo construir la solicitud de autorización.</translation>
    </message>
    <message>
        <source>No redirect came back to %1.</source>
        <translation>No volvió ninguna redirección a %1.</translation>
    </message>
    <message>
        <source>Sign in and approve in your browser; Latchkey listens at %1 for the redirect.</source>
        <translation>Inicia sesión y aprueba en el navegador; Latchkey espera la redirección en %1.</translation>
    </message>
    <message>
        <source>No browser could be opened for %1. Choose the built-in browser instead.</source>
        <translation>No se pudo abrir un navegador para %1. Elige el navegador integrado en su lugar.</translation>
    </message>
    <message>
        <source>Sign in and approve in the browser below. Latchkey catches the redirect to %1 without loading it.</source>
        <translation>Inicia sesión y aprueba en el navegador de abajo. Latchkey captura la redirección a %1 sin cargarla.</translation>
    </message>
    <message>
        <source>The redirect reached %1 carrying %2 in its %3.</source>
        <translation>La redirección llegó a %1; parámetros %3: %2.</translation>
    </message>
    <message>
        <source>Caught the redirect to %1 without loading it; it carried %2 in its %3.</source>
        <translation>Se capturó la redirección a %1 sin cargarla; parámetros %3: %2.</translation>
    </message>
    <message>
        <source>no parameters</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>fragment (response_mode=fragment)</source>
        <translation>en el fragmento (response_mode=fragment)</translation>
    </message>
    <message>
        <source>query</source>
        <translation>en la query</translation>
    </message>
    <message>
        <source>It holds a token instead of a code: the provider answered with the implicit grant, which this test did not ask for (OAuth 2.1 drops it).</source>
        <translation>La redirección trae un token en lugar de un código: el proveedor respondió con la concesión implícita, que esta prueba no pidió (OAuth 2.1 la elimina).</translation>
    </message>
    <message>
        <source>iss not checked (no issuer given)</source>
        <translation>iss no verificado (no se indicó ningún emisor)</translation>
    </message>
    <message>
        <source>state matches</source>
        <translation>state coincide</translation>
    </message>
    <message>
        <source>iss is the issuer</source>
        <translation>iss es el emisor</translation>
    </message>
    <message>
        <source>no iss (the provider does not send one)</source>
        <translation>sin iss (el proveedor no lo envía)</translation>
    </message>
    <message>
        <source>The provider shows “%1” at %2: sign in and approve in the browser below.</source>
        <translation>El proveedor muestra “%1” en %2: inicia sesión y aprueba en el navegador de abajo.</translation>
    </message>
    <message>
        <source>The provider shows an error page instead of redirecting back, so nothing was caught: “%1”</source>
        <translation>El proveedor muestra una página de error en lugar de redirigir de vuelta, así que no se capturó nada: “%1”</translation>
    </message>
    <message>
        <source>redirect_uri does not match a registered URI of this consumer (%1 is not among %2).</source>
        <translation>redirect_uri no coincide con ninguna URI registrada de este consumidor (%1 no está entre %2).</translation>
    </message>
    <message>
        <source>Exchanging the code for a token…</source>
        <translation>Canjeando el código por un token…</translation>
    </message>
    <message>
        <source>The code could not be exchanged for a token.</source>
        <translation>No se pudo canjear el código por un token.</translation>
    </message>
    <message>
        <source>The token endpoint issued a %1 token%2.</source>
        <translation>El endpoint de token emitió un token %1%2.</translation>
    </message>
    <message>
        <source> and a refresh token</source>
        <translation> y un refresh token</translation>
    </message>
    <message>
        <source>Asking the token endpoint for a client credentials token…</source>
        <translation>Solicitando al endpoint de token un token de credenciales de cliente…</translation>
    </message>
    <message>
        <source>The token endpoint refused the client.</source>
        <translation>El endpoint de token rechazó al cliente.</translation>
    </message>
    <message>
        <source>Client credentials: the token endpoint issued a %1 token%2.</source>
        <translation>Credenciales de cliente: el endpoint de token emitió un token %1%2.</translation>
    </message>
    <message>
        <source> for “%1”</source>
        <translation> para “%1”</translation>
    </message>
    <message>
        <source>Sending a Hawk-signed GET %1…</source>
        <translation>Enviando un GET %1 firmado con Hawk…</translation>
    </message>
    <message>
        <source>The signed request got no answer.</source>
        <translation>La solicitud firmada no obtuvo respuesta.</translation>
    </message>
    <message>
        <source>The server&apos;s clock is %1 s ahead of this computer&apos;s; Latchkey signed again with the server&apos;s time.</source>
        <translation>El reloj del servidor está %1 s adelantado respecto al de este equipo; Latchkey volvió a firmar con la hora del servidor.</translation>
    </message>
    <message>
        <source>The server&apos;s clock is %1 s behind this computer&apos;s; Latchkey signed again with the server&apos;s time.</source>
        <translation>El reloj del servidor está %1 s atrasado respecto al de este equipo; Latchkey volvió a firmar con la hora del servidor.</translation>
    </message>
    <message>
        <source>The API key works: the server accepted the Hawk-signed request (HTTP %1).</source>
        <translation>La clave de API funciona: el servidor aceptó la solicitud firmada con Hawk (HTTP %1).</translation>
    </message>
    <message>
        <source>The server refused the Hawk-signed request: %1</source>
        <translation>El servidor rechazó la solicitud firmada con Hawk: %1</translation>
    </message>
    <message>
        <source>ID token</source>
        <translation>ID token</translation>
    </message>
    <message>
        <source>checking the signature…</source>
        <translation>verificando la firma…</translation>
    </message>
    <message>
        <source>signature not checked: the provider names no JWKS</source>
        <translation>firma no verificada: el proveedor no indica ningún JWKS</translation>
    </message>
    <message>
        <source>signature verified with the provider&apos;s key %1 (%2)</source>
        <translation>firma verificada con la clave %1 del proveedor (%2)</translation>
    </message>
    <message>
        <source>signature NOT valid: %1</source>
        <translation>firma NO válida: %1</translation>
    </message>
    <message>
        <source>signature not checked: %1</source>
        <translation>firma no verificada: %1</translation>
    </message>
    <message>
        <source>%1 (JWT, %2): %3
%4
header: %5
claims: %6</source>
        <translation>%1 (JWT, %2): %3
%4
encabezado: %5
claims: %6</translation>
    </message>
    <message>
        <source>The access token names no expiry.</source>
        <translation>El access token no indica vencimiento.</translation>
    </message>
    <message>
        <source>Access token expires in %1 (at %2).</source>
        <translation>El access token vence en %1 (a las %2).</translation>
    </message>
    <message>
        <source>Access token expired %1 ago.</source>
        <translation>El access token venció hace %1.</translation>
    </message>
    <message>
        <source>GET %1 with the access token…</source>
        <translation>GET %1 con el access token…</translation>
    </message>
    <message>
        <source>The call got no answer.</source>
        <translation>La llamada no obtuvo respuesta.</translation>
    </message>
    <message>
        <source>GET %1 with the access token: HTTP %2.</source>
        <translation>GET %1 con el access token: HTTP %2.</translation>
    </message>
    <message>
        <source>GET %1 with the access token was refused: %2</source>
        <translation>Se rechazó el GET %1 con el access token: %2</translation>
    </message>
    <message>
        <source>Refreshing the token…</source>
        <translation>Renovando el token…</translation>
    </message>
    <message>
        <source>The refresh was refused.</source>
        <translation>Se rechazó la renovación.</translation>
    </message>
    <message>
        <source>Refreshed: a new access token%1.</source>
        <translation>Renovado: un nuevo access token%1.</translation>
    </message>
    <message>
        <source> and a new refresh token</source>
        <translation> y un nuevo refresh token</translation>
    </message>
    <message>
        <source>Introspecting the %1…</source>
        <translation>Introspeccionando el %1…</translation>
    </message>
    <message>
        <source>The introspection was refused.</source>
        <translation>Se rechazó la introspección.</translation>
    </message>
    <message>
        <source>Introspection (RFC 7662)</source>
        <translation>Introspección (RFC 7662)</translation>
    </message>
    <message>
        <source>Introspection: the %1 is active.</source>
        <translation>Introspección: el %1 está activo.</translation>
    </message>
    <message>
        <source>Introspection: the %1 is not active (revoked, expired or unknown).</source>
        <translation>Introspección: el %1 no está activo (revocado, vencido o desconocido).</translation>
    </message>
    <message>
        <source>Revoking the %1…</source>
        <translation>Revocando el %1…</translation>
    </message>
    <message>
        <source>The revocation was refused.</source>
        <translation>Se rechazó la revocación.</translation>
    </message>
    <message>
        <source>Revocation (RFC 7009)</source>
        <translation>Revocación (RFC 7009)</translation>
    </message>
    <message>
        <source>The provider accepted the revocation.</source>
        <translation>El proveedor aceptó la revocación.</translation>
    </message>
    <message>
        <source>Revoked: the provider accepted the revocation of the %1. Introspect to see it inactive.</source>
        <translation>Revocado: el proveedor aceptó la revocación del %1. Haz la introspección para verlo inactivo.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Pick a consumer or a provider, then Run Test (Ctrl+Return).</source>
        <translation>Elige un consumidor o un proveedor y haz clic en Ejecutar prueba (Ctrl+Return).</translation>
    </message>
    <message>
        <source>The test was not added to the history: %1</source>
        <translation>La prueba no se agregó al historial: %1</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::KeyEditDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation>&amp;Crear clave</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Vence el</translation>
    </message>
    <message>
        <source>Edit API key %1</source>
        <translation>Editar clave de API %1</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Nueva clave de API</translation>
    </message>
    <message>
        <source>e.g. ERP Sync</source>
        <translation>p. ej.: Sincronización del ERP</translation>
    </message>
    <message>
        <source>What uses this key (optional)</source>
        <translation>Qué usa esta clave (opcional)</translation>
    </message>
    <message>
        <source>Choose a permission group…</source>
        <translation>Elige un grupo de permisos…</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message>
        <source>Permission &amp;group</source>
        <translation>&amp;Grupo de permisos</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Choose the permission group the key acts with.</source>
        <translation>Elige el grupo de permisos con el que actúa la clave.</translation>
    </message>
    <message>
        <source>The expiry must be in the future.</source>
        <translation>El vencimiento debe estar en el futuro.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::KeyListModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>API Key</source>
        <translation>API Key</translation>
    </message>
    <message>
        <source>Permission group</source>
        <translation>Grupo de permisos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence el</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada el</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deshabilitada</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::KeysPage</name>
    <message>
        <source>&amp;New Key…</source>
        <translation>&amp;Nueva clave…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Rotate Secret…</source>
        <translation>&amp;Rotar secreto…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deshabilitar</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>&amp;Copy API Key</source>
        <translation>&amp;Copiar API Key</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deshabilitada</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>API Keys</source>
        <translation>Claves de API</translation>
    </message>
    <message>
        <source>API Key</source>
        <translation>API Key</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Permission group</source>
        <translation>Grupo de permisos</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence el</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada el</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Creada por</translation>
    </message>
    <message>
        <source>Secret rotated</source>
        <translation>Secreto rotado el</translation>
    </message>
    <message>
        <source>Old secret works until</source>
        <translation>Secreto anterior válido hasta</translation>
    </message>
    <message>
        <source>API key %1 created.</source>
        <translation>Se creó la clave de API %1.</translation>
    </message>
    <message>
        <source>API key %1 saved.</source>
        <translation>Se guardó la clave de API %1.</translation>
    </message>
    <message>
        <source>API Secret</source>
        <translation>API Secret</translation>
    </message>
    <message>
        <source>The secret was not rotated</source>
        <translation>No se rotó el secreto</translation>
    </message>
    <message>
        <source>The secret of %1 was rotated.</source>
        <translation>Se rotó el secreto de %1.</translation>
    </message>
    <message>
        <source>The key was not enabled</source>
        <translation>No se habilitó la clave</translation>
    </message>
    <message>
        <source>The key was not disabled</source>
        <translation>No se deshabilitó la clave</translation>
    </message>
    <message>
        <source>API key %1 enabled.</source>
        <translation>Se habilitó la clave de API %1.</translation>
    </message>
    <message>
        <source>API key %1 disabled.</source>
        <translation>Se deshabilitó la clave de API %1.</translation>
    </message>
    <message>
        <source>Delete API key “%1”?</source>
        <translation>¿Eliminar la clave de API “%1”?</translation>
    </message>
    <message>
        <source>Integrations that sign requests with %1 stop working at once. This cannot be undone.</source>
        <translation>Las integraciones que firman solicitudes con %1 dejan de funcionar de inmediato. Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete Key</source>
        <translation>Eliminar clave</translation>
    </message>
    <message>
        <source>The key was not deleted</source>
        <translation>No se eliminó la clave</translation>
    </message>
    <message>
        <source>API key %1 deleted.</source>
        <translation>Se eliminó la clave de API %1.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n API key id(s).</source>
        <translation>
            <numerusform>Se copió %n id de clave de API.</numerusform>
            <numerusform>Se copiaron %n ids de clave de API.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Test Key</source>
        <translation>&amp;Probar clave</translation>
    </message>
    <message>
        <source>Send a Hawk-signed whoami with this key (Ctrl+T)</source>
        <translation>Enviar con esta clave un whoami firmado con Hawk (Ctrl+T)</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::MainWindow</name>
    <message>
        <source>PRODUCTION</source>
        <translation>PRODUCCIÓN</translation>
    </message>
    <message>
        <source>STAGING</source>
        <translation>STAGING</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>SANDBOX</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Sign &amp;In</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Start a &amp;New Sandbox</source>
        <translation>Crear un sandbox &amp;nuevo</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Edit Account…</source>
        <translation>&amp;Editar cuenta…</translation>
    </message>
    <message>
        <source>&amp;Remove Account…</source>
        <translation>&amp;Quitar cuenta…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Error al iniciar sesión</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Start a new sandbox</source>
        <translation>Crear un sandbox nuevo</translation>
    </message>
    <message>
        <source>Delete the local sandbox&apos;s data and start a new one with fresh demo data?</source>
        <translation>¿Eliminar los datos del sandbox local y crear uno nuevo con datos de demostración nuevos?</translation>
    </message>
    <message>
        <source>Start New Sandbox</source>
        <translation>Crear sandbox nuevo</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Cuenta:</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Export Credentials…</source>
        <translation>&amp;Exportar credenciales…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nuevo…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Cuenta</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>&amp;Agregar cuenta…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Latchkey</source>
        <translation>&amp;Acerca de Latchkey</translation>
    </message>
    <message>
        <source>Add Account…</source>
        <translation>Agregar cuenta…</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>Ninguna cuenta</translation>
    </message>
    <message>
        <source>Add an account to start.</source>
        <translation>Agrega una cuenta para empezar.</translation>
    </message>
    <message>
        <source>Starting the local sandbox…</source>
        <translation>Iniciando el sandbox local…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Conectado a %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Offline — last synced %1. The lists below are the cached ones, read-only.</source>
        <translation>Sin conexión — última sincronización %1. Las listas de abajo son las de la caché, de solo lectura.</translation>
    </message>
    <message>
        <source>Offline — never synced with this account.</source>
        <translation>Sin conexión — nunca se sincronizó con esta cuenta.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Última sincronización %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nunca sincronizado</translation>
    </message>
    <message>
        <source>The account was not added</source>
        <translation>No se agregó la cuenta</translation>
    </message>
    <message>
        <source>The account was not saved</source>
        <translation>No se guardó la cuenta</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Quitar cuenta</translation>
    </message>
    <message>
        <source>Remove the account “%1” from Latchkey?</source>
        <translation>¿Quitar la cuenta “%1” de Latchkey?</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Quitar cuenta</translation>
    </message>
    <message>
        <source>About Latchkey</source>
        <translation>Acerca de Latchkey</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Latchkey %1&lt;/h3&gt;&lt;p&gt;A desktop console for API keys, OAuth consumers and the authorizations users granted them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Latchkey %1&lt;/h3&gt;&lt;p&gt;Una consola de escritorio para claves de API, consumidores OAuth y las autorizaciones que los usuarios les concedieron.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n item(s) to %1.</source>
        <translation>
            <numerusform>Se exportó %n elemento a %1.</numerusform>
            <numerusform>Se exportaron %n elementos a %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) exported as missing.</source>
        <translation>
            <numerusform>%n secreto exportado como faltante.</numerusform>
            <numerusform>%n secretos exportados como faltantes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in in your browser; Latchkey waits for it.</source>
        <translation>Inicia sesión en el navegador; Latchkey esperará.</translation>
    </message>
    <message>
        <source>The account was not removed</source>
        <translation>No se quitó la cuenta</translation>
    </message>
    <message>
        <source>The local sandbox&apos;s server and its data are deleted; a new sandbox starts if no other account is left.</source>
        <translation>Se eliminan el servidor del sandbox local y sus datos; se inicia un sandbox nuevo si no queda ninguna otra cuenta.</translation>
    </message>
    <message>
        <source>Its cached lists and the secrets this computer kept for it are deleted, and you are signed out. The account itself, on its server, is not changed.</source>
        <translation>Se eliminan sus listas en caché y los secretos que este equipo guardó para ella, y se cierra tu sesión. La cuenta en sí, en su servidor, no cambia.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation>Del sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>A new language applies the next time Latchkey starts.</source>
        <translation>Un idioma nuevo se aplica la próxima vez que se inicie Latchkey.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Colors</source>
        <translation>&amp;Colores</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::ProfileDialog</name>
    <message>
        <source>Edit account %1</source>
        <translation>Editar cuenta %1</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Agregar cuenta</translation>
    </message>
    <message>
        <source>e.g. Acme production</source>
        <translation>p. ej.: Acme producción</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Producción</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Sign in with the system browser</source>
        <translation>Iniciar sesión con el navegador del sistema</translation>
    </message>
    <message>
        <source>Sign in with the built-in browser</source>
        <translation>Iniciar sesión con el navegador integrado</translation>
    </message>
    <message>
        <source>Automation consumer (client credentials)</source>
        <translation>Consumidor de automatización (credenciales de cliente)</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>Server &amp;URL</source>
        <translation>&amp;URL del servidor</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>&amp;Entorno</translation>
    </message>
    <message>
        <source>&amp;Sign-in</source>
        <translation>Inicio de &amp;sesión</translation>
    </message>
    <message>
        <source>&amp;Client ID</source>
        <translation>&amp;Client ID</translation>
    </message>
    <message>
        <source>Client s&amp;ecret</source>
        <translation>Secreto &amp;del cliente</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Agregar</translation>
    </message>
    <message>
        <source>The automation consumer&apos;s client ID is required.</source>
        <translation>El Client ID del consumidor de automatización es obligatorio.</translation>
    </message>
    <message>
        <source>The client secret is required; it is kept in the keychain.</source>
        <translation>El secreto del cliente es obligatorio; se guarda en el llavero.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::RotateDialog</name>
    <message>
        <source>Rotate the %1 of %2</source>
        <translation>Rotar el %1 de %2</translation>
    </message>
    <message>
        <source>A new %1 is made and shown once. The old one stops working at once, or after a grace period while integrations switch.</source>
        <translation>Se genera un nuevo %1 y se muestra una sola vez. El anterior deja de funcionar de inmediato o después de un período de gracia mientras las integraciones se actualizan.</translation>
    </message>
    <message>
        <source>Stops at once</source>
        <translation>Deja de funcionar de inmediato</translation>
    </message>
    <message>
        <source>Works 1 more hour</source>
        <translation>Funciona 1 hora más</translation>
    </message>
    <message>
        <source>Works 24 more hours</source>
        <translation>Funciona 24 horas más</translation>
    </message>
    <message>
        <source>Works 7 more days</source>
        <translation>Funciona 7 días más</translation>
    </message>
    <message>
        <source>The old %1</source>
        <translation>El %1 anterior</translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation>&amp;Rotar</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::SecretDialog</name>
    <message>
        <source>Keep it in the keychain of this computer</source>
        <translation>Guardarlo en el llavero de este equipo</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>New secret of %1</source>
        <translation>Nuevo secreto de %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is the only time the %1 is shown.&lt;/b&gt; Copy it or export it now; the server keeps only what it needs to check it.</source>
        <translation>&lt;b&gt;Esta es la única vez que se muestra el %1.&lt;/b&gt; Cópialo o expórtalo ahora; el servidor solo guarda lo necesario para verificarlo.</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Ocultar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Copiado. El portapapeles se borrará en %n segundo.</numerusform>
            <numerusform>Copiado. El portapapeles se borrará en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Latchkey can then export this secret later. It is stored in the system keychain (service “Latchkey”), never in a file.</source>
        <translation>Así Latchkey podrá exportar este secreto más adelante. Se guarda en el llavero del sistema (servicio “Latchkey”), nunca en un archivo.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Listo</translation>
    </message>
    <message>
        <source>The secret of %1 is kept in the keychain.</source>
        <translation>El secreto de %1 está guardado en el llavero.</translation>
    </message>
    <message>
        <source>The secret of %1 was not kept.</source>
        <translation>No se guardó el secreto de %1.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::SignInBrowser</name>
    <message>
        <source>Sign in to %1</source>
        <translation>Iniciar sesión en %1</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::TimelineModel</name>
    <message>
        <source>No response: %1</source>
        <translation>Sin respuesta: %1</translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1 en %2 ms</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::Workspace</name>
    <message>
        <source>Local sandbox</source>
        <translation>Sandbox local</translation>
    </message>
    <message>
        <source>Sign in to %1 to see its data.</source>
        <translation>Inicia sesión en %1 para ver sus datos.</translation>
    </message>
    <message>
        <source>Signed out of %1. Sign in to see its data.</source>
        <translation>Se cerró la sesión en %1. Inicia sesión para ver sus datos.</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in your browser…</source>
        <translation>Esperando el inicio de sesión en el navegador…</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The token endpoint answered without an access_token.</source>
        <translation>El endpoint de token respondió sin un access_token.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Choose Account › Sign In to sign in again.</source>
        <translation>Elige Cuenta › Iniciar sesión para volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>Choose Account › Sign In and enter the automation consumer&apos;s client id and secret.</source>
        <translation>Elige Cuenta › Iniciar sesión e ingresa el client id y el secreto del consumidor de automatización.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Manage API keys, OAuth consumers and authorizations.</source>
        <translation>Administra claves de API, consumidores OAuth y autorizaciones.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Muestra la versión.</translation>
    </message>
    <message>
        <source>Start on the current account (the local sandbox on a first run), print &quot;main window shown&quot; once the lists are loaded, and quit.</source>
        <translation>Inicia en la cuenta actual (el sandbox local en la primera ejecución), imprime &quot;main window shown&quot; cuando se cargan las listas y sale.</translation>
    </message>
    <message>
        <source>With --smoke-test: save a picture of the window.</source>
        <translation>Con --smoke-test: guarda una imagen de la ventana.</translation>
    </message>
    <message>
        <source>For make bench: quit at the main window&apos;s first paint.</source>
        <translation>Para make bench: sale en el primer pintado de la ventana principal.</translation>
    </message>
    <message>
        <source>For make bench: quit once the lists loaded, online or from the cache.</source>
        <translation>Para make bench: sale cuando se cargan las listas, en línea o desde la caché.</translation>
    </message>
    <message>
        <source>Open this section (1-5).</source>
        <translation>Abre esta sección (1-5).</translation>
    </message>
    <message>
        <source>Latchkey cannot start</source>
        <translation>Latchkey no puede iniciarse</translation>
    </message>
</context>
</TS>
