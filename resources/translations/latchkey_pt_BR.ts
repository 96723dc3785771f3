<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name></name>
    <message>
        <source>The redirect repeats the parameter %1, which RFC 6749 §3.1 forbids.</source>
        <translation>O redirecionamento repete o parâmetro %1, o que a RFC 6749 §3.1 proíbe.</translation>
    </message>
    <message>
        <source>The redirect comes from the issuer “%1”, not from “%2”: it may be a mix-up attack, so it is refused (RFC 9207).</source>
        <translation>O redirecionamento vem do emissor “%1”, não de “%2”: pode ser um ataque de mix-up, por isso é recusado (RFC 9207).</translation>
    </message>
    <message>
        <source>Start again; if it repeats, check the provider configuration.</source>
        <translation>Comece de novo; se isso se repetir, verifique a configuração do provedor.</translation>
    </message>
    <message>
        <source>The redirect has no iss although %1 promises one: it may come from another provider, so it is refused (RFC 9207).</source>
        <translation>O redirecionamento não tem iss, embora %1 prometa um: pode vir de outro provedor, por isso é recusado (RFC 9207).</translation>
    </message>
    <message>
        <source>The redirect&apos;s state does not match the request: it belongs to another attempt or was forged, so it is refused.</source>
        <translation>O state do redirecionamento não corresponde ao da solicitação: pertence a outra tentativa ou foi forjado, por isso é recusado.</translation>
    </message>
    <message>
        <source>The redirect has no state although the request sent one, so it is refused.</source>
        <translation>O redirecionamento não tem state, embora a solicitação tenha enviado um, por isso é recusado.</translation>
    </message>
    <message>
        <source>Start the authorization again.</source>
        <translation>Inicie a autorização novamente.</translation>
    </message>
    <message>
        <source>The redirect carries neither a code nor an error.</source>
        <translation>O redirecionamento não traz nem um código nem um erro.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Age</name>
    <message>
        <source>This is not an age-encrypted file. Choose a file made by an encrypted export or by &quot;age -p&quot;.</source>
        <translation>Este não é um arquivo criptografado com age. Escolha um arquivo gerado por uma exportação criptografada ou por &quot;age -p&quot;.</translation>
    </message>
    <message>
        <source>This file uses an age format version other than v1, which cannot be read here. Decrypt it with the tool that made it.</source>
        <translation>Este arquivo usa uma versão do formato age diferente da v1, que não pode ser lida aqui. Descriptografe-o com a ferramenta que o gerou.</translation>
    </message>
    <message>
        <source>The age header of this file is malformed: the file is damaged or was not written by age. Get a fresh copy of the file.</source>
        <translation>O cabeçalho age deste arquivo está malformado: o arquivo está danificado ou não foi gerado pelo age. Obtenha uma nova cópia do arquivo.</translation>
    </message>
    <message>
        <source>The armored age text is malformed: its BEGIN or END line, its line lengths or its base64 were changed. Get a fresh copy of the file and do not edit it by hand.</source>
        <translation>O texto age com armor está malformado: a linha BEGIN ou END, o comprimento das linhas ou o base64 foram alterados. Obtenha uma nova cópia do arquivo e não o edite à mão.</translation>
    </message>
    <message>
        <source>This file was encrypted to an age key, not with a passphrase. Decrypt it with &quot;age -d -i&quot; and the matching identity file.</source>
        <translation>Este arquivo foi criptografado para uma chave age, não com uma frase secreta. Descriptografe-o com &quot;age -d -i&quot; e o arquivo de identidade correspondente.</translation>
    </message>
    <message>
        <source>The header of this file mixes a passphrase with other recipients, which the age format forbids: the file was tampered with or made by a faulty tool. Get a fresh copy of the file.</source>
        <translation>O cabeçalho deste arquivo mistura uma frase secreta com outros destinatários, o que o formato age proíbe: o arquivo foi adulterado ou gerado por uma ferramenta com defeito. Obtenha uma nova cópia do arquivo.</translation>
    </message>
    <message>
        <source>Wrong passphrase: the file could not be unlocked with it. Check the passphrase, including upper and lower case, and try again.</source>
        <translation>Frase secreta incorreta: não foi possível desbloquear o arquivo com ela. Verifique a frase secreta, incluindo maiúsculas e minúsculas, e tente novamente.</translation>
    </message>
    <message>
        <source>The header of this file failed its integrity check: the file was damaged or altered after it was encrypted. Get a fresh copy of the file.</source>
        <translation>O cabeçalho deste arquivo falhou na verificação de integridade: o arquivo foi danificado ou alterado depois de criptografado. Obtenha uma nova cópia do arquivo.</translation>
    </message>
    <message>
        <source>The file is truncated: the encrypted data ends too early. Copy the whole file again.</source>
        <translation>O arquivo está truncado: os dados criptografados terminam antes do esperado. Copie o arquivo inteiro novamente.</translation>
    </message>
    <message>
        <source>The encrypted data is damaged or was altered after encryption, so none of it can be trusted. Get a fresh copy of the file.</source>
        <translation>Os dados criptografados estão danificados ou foram alterados após a criptografia, então nenhuma parte deles é confiável. Obtenha uma nova cópia do arquivo.</translation>
    </message>
    <message>
        <source>The encrypted data ends with an empty chunk, which the age format forbids: the file was altered or made by a faulty tool. Get a fresh copy of the file.</source>
        <translation>Os dados criptografados terminam com um bloco vazio, o que o formato age proíbe: o arquivo foi alterado ou gerado por uma ferramenta com defeito. Obtenha uma nova cópia do arquivo.</translation>
    </message>
    <message>
        <source>The file has extra data after the end of its encrypted content, so it was altered. Get a fresh copy of the file.</source>
        <translation>O arquivo tem dados extras após o fim do conteúdo criptografado, portanto foi alterado. Obtenha uma nova cópia do arquivo.</translation>
    </message>
    <message>
        <source>more memory than any computer has</source>
        <translation>mais memória do que qualquer computador tem</translation>
    </message>
    <message>
        <source>This file needs too much memory to decrypt: its passphrase work factor is %1, which takes %2, above the limit of %3 (%4). Ask for a copy encrypted with a lower work factor, or decrypt it with the age tool on a computer with enough memory.</source>
        <translation>Este arquivo precisa de memória demais para ser descriptografado: o fator de trabalho da frase secreta é %1, que exige %2, acima do limite de %3 (%4). Peça uma cópia criptografada com um fator de trabalho menor ou descriptografe-o com a ferramenta age em um computador com memória suficiente.</translation>
    </message>
    <message>
        <source>There was not enough memory to check the passphrase (the file needs %1). Close other programs and try again.</source>
        <translation>Não havia memória suficiente para verificar a frase secreta (o arquivo precisa de %1). Feche outros programas e tente novamente.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>A solicitação foi cancelada.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::AccountClient</name>
    <message>
        <source>The server answered something that is not JSON.</source>
        <translation>O servidor respondeu algo que não é JSON.</translation>
    </message>
    <message>
        <source>Is %1 a Latchkey account server?</source>
        <translation>%1 é um servidor de contas do Latchkey?</translation>
    </message>
    <message>
        <source>Say which authorizations to revoke: ids, one consumer or one user.</source>
        <translation>Informe quais autorizações revogar: ids, um consumidor ou um usuário.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::BrowserSignIn</name>
    <message>
        <source>The account answered without a refresh token.</source>
        <translation>A conta respondeu sem um refresh token.</translation>
    </message>
    <message>
        <source>Is %1 a Latchkey account server?</source>
        <translation>%1 é um servidor de contas do Latchkey?</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::ClientCredentialsTokens</name>
    <message>
        <source>Check the automation consumer&apos;s client id and secret (LATCHKEY_CLIENT_ID, LATCHKEY_CLIENT_SECRET).</source>
        <translation>Verifique o client id e o segredo do consumidor de automação (LATCHKEY_CLIENT_ID, LATCHKEY_CLIENT_SECRET).</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::Export</name>
    <message>
        <source>not in this machine&apos;s keychain for profile %1</source>
        <translation>não está no chaveiro deste computador para o perfil %1</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::HawkSigner</name>
    <message>
        <source>The API key cannot sign this request: check its id and secret.</source>
        <translation>A chave de API não consegue assinar esta solicitação: verifique o id e o segredo dela.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::HttpClient</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>A solicitação foi cancelada.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 não respondeu em %2 s.</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>Não foi possível acessar %1: %2</translation>
    </message>
    <message>
        <source>Check the server URL and your network connection, then retry.</source>
        <translation>Verifique a URL do servidor e sua conexão de rede e tente novamente.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1.</source>
        <translation>O servidor respondeu HTTP %1.</translation>
    </message>
    <message>
        <source>Sign in again, or check the credentials.</source>
        <translation>Faça login novamente ou verifique as credenciais.</translation>
    </message>
    <message>
        <source>Someone changed it meanwhile: reload and apply your change again.</source>
        <translation>Outra pessoa alterou este item nesse meio-tempo: recarregue e aplique sua alteração novamente.</translation>
    </message>
    <message>
        <source>Too many requests: wait %1 s and retry.</source>
        <translation>Solicitações demais: aguarde %1 s e tente novamente.</translation>
    </message>
    <message>
        <source>The server had a problem; retry later.</source>
        <translation>O servidor teve um problema; tente novamente mais tarde.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::Jwt</name>
    <message>
        <source>without a kid</source>
        <translation>sem kid</translation>
    </message>
    <message>
        <source>The token is empty.</source>
        <translation>O token está vazio.</translation>
    </message>
    <message>
        <source>This is an encrypted JWT (JWE): only its recipient can read it.</source>
        <translation>Este é um JWT criptografado (JWE): só o destinatário pode lê-lo.</translation>
    </message>
    <message>
        <source>This is not a JWT: a JWT has three parts separated by dots, this has %1.</source>
        <translation>Isto não é um JWT: um JWT tem três partes separadas por pontos, e este tem %1.</translation>
    </message>
    <message>
        <source>This is not a JWT: its header is not base64url-encoded JSON.</source>
        <translation>Isto não é um JWT: o cabeçalho não é JSON codificado em base64url.</translation>
    </message>
    <message>
        <source>This is not a JWT: its header names no algorithm (alg).</source>
        <translation>Isto não é um JWT: o cabeçalho não indica nenhum algoritmo (alg).</translation>
    </message>
    <message>
        <source>This is not a JWT: its payload is not a base64url-encoded JSON object.</source>
        <translation>Isto não é um JWT: o payload não é um objeto JSON codificado em base64url.</translation>
    </message>
    <message>
        <source>This is not a JWT: its signature is not base64url.</source>
        <translation>Isto não é um JWT: a assinatura não está em base64url.</translation>
    </message>
    <message>
        <source>The token is not signed (alg none): it is never accepted.</source>
        <translation>O token não está assinado (alg none): ele nunca é aceito.</translation>
    </message>
    <message>
        <source>The token is signed with a shared secret (%1), not with a key of the provider&apos;s JWKS.</source>
        <translation>O token está assinado com um segredo compartilhado (%1), não com uma chave do JWKS do provedor.</translation>
    </message>
    <message>
        <source>The token is signed with %1; only RS256, PS256, ES256 and EdDSA are verified.</source>
        <translation>O token está assinado com %1; só RS256, PS256, ES256 e EdDSA são verificados.</translation>
    </message>
    <message>
        <source>The token&apos;s header has critical extensions (crit) this verifier does not understand.</source>
        <translation>O cabeçalho do token tem extensões críticas (crit) que este verificador não entende.</translation>
    </message>
    <message>
        <source>The provider&apos;s JWKS has no keys.</source>
        <translation>O JWKS do provedor não tem chaves.</translation>
    </message>
    <message>
        <source>The provider&apos;s JWKS has no key with kid “%1”.</source>
        <translation>O JWKS do provedor não tem chave com kid “%1”.</translation>
    </message>
    <message>
        <source>No key in the provider&apos;s JWKS can verify %1 signatures.</source>
        <translation>Nenhuma chave do JWKS do provedor consegue verificar assinaturas %1.</translation>
    </message>
    <message>
        <source>The key %1 cannot verify %2 signatures: its type, curve, use or alg rule it out.</source>
        <translation>A chave %1 não pode verificar assinaturas %2: o tipo, a curva, o use ou o alg dela impedem isso.</translation>
    </message>
    <message>
        <source>The %1 signature is valid (key %2).</source>
        <translation>A assinatura %1 é válida (chave %2).</translation>
    </message>
    <message>
        <source>The signature does not match: the token was altered, or another key signed it.</source>
        <translation>A assinatura não confere: o token foi alterado ou outra chave o assinou.</translation>
    </message>
    <message>
        <source>The token&apos;s exp or nbf claim is not a number of seconds.</source>
        <translation>A claim exp ou nbf do token não é um número de segundos.</translation>
    </message>
    <message>
        <source>The token is not valid before %1.</source>
        <translation>O token não é válido antes de %1.</translation>
    </message>
    <message>
        <source>The token has no expiry (exp).</source>
        <translation>O token não tem expiração (exp).</translation>
    </message>
    <message>
        <source>The token expired at %1.</source>
        <translation>O token expirou em %1.</translation>
    </message>
    <message>
        <source>The token is valid until %1.</source>
        <translation>O token é válido até %1.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::KeychainClientCredentials</name>
    <message>
        <source>The automation secret of this profile is not in the keychain.</source>
        <translation>O segredo de automação deste perfil não está no chaveiro.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::KeychainRefreshTokens</name>
    <message>
        <source>You are signed out of this profile.</source>
        <translation>Você saiu deste perfil.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::LoopbackReceiver</name>
    <message>
        <source>No answer came back from the browser in time.</source>
        <translation>O navegador não respondeu a tempo.</translation>
    </message>
    <message>
        <source>Start the sign-in again.</source>
        <translation>Inicie o login novamente.</translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation>O login não foi concluído</translation>
    </message>
    <message>
        <source>You can close this tab and go back to Latchkey.</source>
        <translation>Você pode fechar esta aba e voltar ao Latchkey.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Login efetuado</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>O login foi cancelado.</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1: %1</source>
        <translation>Não foi possível escutar em 127.0.0.1: %1</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::OAuthClient</name>
    <message>
        <source>The user denied the request.</source>
        <translation>O usuário negou a solicitação.</translation>
    </message>
    <message>
        <source>Start again and allow access on the consent page.</source>
        <translation>Comece de novo e permita o acesso na página de consentimento.</translation>
    </message>
    <message>
        <source>The provider found the authorization request malformed.</source>
        <translation>O provedor considerou a solicitação de autorização malformada.</translation>
    </message>
    <message>
        <source>Check the redirect URI, the scopes and the PKCE setting.</source>
        <translation>Verifique a URI de redirecionamento, os escopos e a configuração de PKCE.</translation>
    </message>
    <message>
        <source>This client is not allowed to use the authorization code flow.</source>
        <translation>Este cliente não tem permissão para usar o fluxo de código de autorização.</translation>
    </message>
    <message>
        <source>Check the grant types registered for the client.</source>
        <translation>Verifique os tipos de concessão registrados para o cliente.</translation>
    </message>
    <message>
        <source>The provider does not issue authorization codes here.</source>
        <translation>O provedor não emite códigos de autorização aqui.</translation>
    </message>
    <message>
        <source>The provider refused the requested scopes.</source>
        <translation>O provedor recusou os escopos solicitados.</translation>
    </message>
    <message>
        <source>Ask only for scopes the client is allowed.</source>
        <translation>Solicite apenas escopos permitidos para o cliente.</translation>
    </message>
    <message>
        <source>The provider failed while handling the request.</source>
        <translation>O provedor falhou ao processar a solicitação.</translation>
    </message>
    <message>
        <source>Retry later.</source>
        <translation>Tente novamente mais tarde.</translation>
    </message>
    <message>
        <source>The provider is temporarily unavailable.</source>
        <translation>O provedor está temporariamente indisponível.</translation>
    </message>
    <message>
        <source>The provider needs the user to sign in or consent, which this request did not allow.</source>
        <translation>O provedor precisa que o usuário faça login ou dê consentimento, o que esta solicitação não permitiu.</translation>
    </message>
    <message>
        <source>Start again without prompt=none.</source>
        <translation>Comece de novo sem prompt=none.</translation>
    </message>
    <message>
        <source>The provider refused the request (%1).</source>
        <translation>O provedor recusou a solicitação (%1).</translation>
    </message>
    <message>
        <source>The provider said: “%1”.</source>
        <translation>O provedor disse: “%1”.</translation>
    </message>
    <message>
        <source>The provider metadata has no issuer.</source>
        <translation>Os metadados do provedor não têm issuer.</translation>
    </message>
    <message>
        <source>The provider&apos;s issuer “%1” is not an http(s) URL without query and fragment.</source>
        <translation>O emissor “%1” do provedor não é uma URL http(s) sem query e fragmento.</translation>
    </message>
    <message>
        <source>The provider metadata&apos;s %1 is not an absolute http(s) URL.</source>
        <translation>O %1 dos metadados do provedor não é uma URL http(s) absoluta.</translation>
    </message>
    <message>
        <source>The token response lacks access_token or token_type (RFC 6749 §5.1).</source>
        <translation>A resposta de token não tem access_token ou token_type (RFC 6749 §5.1).</translation>
    </message>
    <message>
        <source>The issuer must be an http or https URL without query or fragment, such as https://login.example.com.</source>
        <translation>O emissor deve ser uma URL http ou https sem query nem fragmento, como https://login.example.com.</translation>
    </message>
    <message>
        <source>The metadata at %1 names the issuer “%2”, not “%3”: it belongs to another provider and cannot be used (RFC 8414 §3.3).</source>
        <translation>Os metadados em %1 indicam o emissor “%2”, não “%3”: pertencem a outro provedor e não podem ser usados (RFC 8414 §3.3).</translation>
    </message>
    <message>
        <source>Check the issuer URL; use exactly the one the provider publishes.</source>
        <translation>Verifique a URL do emissor; use exatamente a que o provedor publica.</translation>
    </message>
    <message>
        <source>No provider metadata at %1 (HTTP %2) nor at %3 (HTTP %4).</source>
        <translation>Não há metadados do provedor em %1 (HTTP %2) nem em %3 (HTTP %4).</translation>
    </message>
    <message>
        <source>Check the issuer URL, or enter the endpoints yourself.</source>
        <translation>Verifique a URL do emissor ou informe os endpoints manualmente.</translation>
    </message>
    <message>
        <source>The provider has no authorization endpoint: discover it or enter it.</source>
        <translation>O provedor não tem endpoint de autorização: descubra-o ou informe-o.</translation>
    </message>
    <message>
        <source>A client ID is needed.</source>
        <translation>É necessário um Client ID.</translation>
    </message>
    <message>
        <source>A redirect URI is needed.</source>
        <translation>É necessária uma URI de redirecionamento.</translation>
    </message>
    <message>
        <source>Check the client ID and secret, and that the client authentication method (Basic or POST) is the one registered for the client.</source>
        <translation>Verifique o Client ID e o segredo, e se o método de autenticação do cliente (Basic ou POST) é o registrado para o cliente.</translation>
    </message>
    <message>
        <source>The code or refresh token is invalid, expired, already used or issued to another client: start the flow again.</source>
        <translation>O código ou refresh token é inválido, expirou, já foi usado ou foi emitido para outro cliente: inicie o fluxo novamente.</translation>
    </message>
    <message>
        <source>The provider does not handle this kind of token here.</source>
        <translation>O provedor não trata este tipo de token aqui.</translation>
    </message>
    <message>
        <source>The provider has no %1 endpoint: discover it or enter it.</source>
        <translation>O provedor não tem endpoint de %1: descubra-o ou informe-o.</translation>
    </message>
    <message>
        <source>Client authentication with HTTP Basic needs a client secret.</source>
        <translation>A autenticação do cliente com HTTP Basic precisa de um segredo do cliente.</translation>
    </message>
    <message>
        <source>Client authentication by POST needs a client secret.</source>
        <translation>A autenticação do cliente por POST precisa de um segredo do cliente.</translation>
    </message>
    <message>
        <source>The token endpoint answered something that is not a JSON object.</source>
        <translation>O endpoint de token respondeu algo que não é um objeto JSON.</translation>
    </message>
    <message>
        <source>The introspection response is not a JSON object with a boolean “active” (RFC 7662 §2.2).</source>
        <translation>A resposta de introspecção não é um objeto JSON com um booleano “active” (RFC 7662 §2.2).</translation>
    </message>
    <message>
        <source>The provider publishes no JWKS (jwks_uri).</source>
        <translation>O provedor não publica JWKS (jwks_uri).</translation>
    </message>
    <message>
        <source>The provider&apos;s JWKS is not a JSON object with a “keys” array (RFC 7517 §5).</source>
        <translation>O JWKS do provedor não é um objeto JSON com um array “keys” (RFC 7517 §5).</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>A solicitação foi cancelada.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::RefreshTokens</name>
    <message>
        <source>You are signed out of this account.</source>
        <translation>Você saiu desta conta.</translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation>Faça login novamente.</translation>
    </message>
    <message>
        <source>Your session with this account ended.</source>
        <translation>Sua sessão nesta conta terminou.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Core::SandboxServer</name>
    <message>
        <source>The sandbox is already starting.</source>
        <translation>O sandbox já está iniciando.</translation>
    </message>
    <message>
        <source>The sandbox server program latchkey-server was not found beside Latchkey.</source>
        <translation>O programa do servidor sandbox, latchkey-server, não foi encontrado junto ao Latchkey.</translation>
    </message>
    <message>
        <source>Reinstall Latchkey, or set LATCHKEY_SERVER_PROGRAM to the program&apos;s path.</source>
        <translation>Reinstale o Latchkey ou defina LATCHKEY_SERVER_PROGRAM com o caminho do programa.</translation>
    </message>
    <message>
        <source>Cannot create the sandbox folder %1.</source>
        <translation>Não foi possível criar a pasta do sandbox %1.</translation>
    </message>
    <message>
        <source>Check that the disk is writable.</source>
        <translation>Verifique se é possível gravar no disco.</translation>
    </message>
    <message>
        <source>The sandbox server could not be started: %1</source>
        <translation>Não foi possível iniciar o servidor sandbox: %1</translation>
    </message>
    <message>
        <source>The sandbox server stopped (exit code %1).</source>
        <translation>O servidor sandbox parou (código de saída %1).</translation>
    </message>
    <message>
        <source>The sandbox server stopped: %1</source>
        <translation>O servidor sandbox parou: %1</translation>
    </message>
    <message>
        <source>The sandbox server did not start in time.</source>
        <translation>O servidor sandbox não iniciou a tempo.</translation>
    </message>
    <message>
        <source>Quit Latchkey and start it again.</source>
        <translation>Saia do Latchkey e abra-o novamente.</translation>
    </message>
    <message>
        <source>The sandbox server was stopped.</source>
        <translation>O servidor sandbox foi parado.</translation>
    </message>
    <message>
        <source>The sandbox server stopped unexpectedly. Retry starts it again.</source>
        <translation>O servidor sandbox parou inesperadamente. “Tentar novamente” o inicia de novo.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::AuditListModel</name>
    <message>
        <source>Time</source>
        <translation>Data e hora</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Target type</source>
        <translation>Tipo de alvo</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Alvo</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Endereço remoto</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>Chave de API criada</translation>
    </message>
    <message>
        <source>API key changed</source>
        <translation>Chave de API alterada</translation>
    </message>
    <message>
        <source>API key disabled</source>
        <translation>Chave de API desativada</translation>
    </message>
    <message>
        <source>API key enabled</source>
        <translation>Chave de API ativada</translation>
    </message>
    <message>
        <source>API key secret rotated</source>
        <translation>Segredo da chave de API rotacionado</translation>
    </message>
    <message>
        <source>API key deleted</source>
        <translation>Chave de API excluída</translation>
    </message>
    <message>
        <source>Consumer created</source>
        <translation>Consumidor criado</translation>
    </message>
    <message>
        <source>Consumer changed</source>
        <translation>Consumidor alterado</translation>
    </message>
    <message>
        <source>Consumer disabled</source>
        <translation>Consumidor desativado</translation>
    </message>
    <message>
        <source>Consumer enabled</source>
        <translation>Consumidor ativado</translation>
    </message>
    <message>
        <source>Consumer secret rotated</source>
        <translation>Segredo do consumidor rotacionado</translation>
    </message>
    <message>
        <source>Consumer deleted</source>
        <translation>Consumidor excluído</translation>
    </message>
    <message>
        <source>Authorization granted</source>
        <translation>Autorização concedida</translation>
    </message>
    <message>
        <source>Authorization revoked</source>
        <translation>Autorização revogada</translation>
    </message>
    <message>
        <source>Authorizations revoked in bulk</source>
        <translation>Autorizações revogadas em massa</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>Usuário adicionado</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Consumidor</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorização</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuário</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> e mais %n</numerusform>
            <numerusform> e mais %n</numerusform>
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
        <translation>Filtro de ação</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Todas as ações</translation>
    </message>
    <message>
        <source>Time filter</source>
        <translation>Filtro de período</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Qualquer período</translation>
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
        <translation>Últimos 7 dias</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 dias</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Log de auditoria</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Data e hora</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Target type</source>
        <translation>Tipo de alvo</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Alvo</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Endereço remoto</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n audit event(s).</source>
        <translation>
            <numerusform>%n evento de auditoria copiado.</numerusform>
            <numerusform>%n eventos de auditoria copiados.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::AuthorizationListModel</name>
    <message>
        <source>User</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Consumidor</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Escopos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation>Autorizada em</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revogada</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativa</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Revoked by %1</source>
        <translation>Revogada por %1</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::AuthorizationsPage</name>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Revogar…</translation>
    </message>
    <message>
        <source>Revoke All of &amp;Consumer…</source>
        <translation>Revogar todas do &amp;consumidor…</translation>
    </message>
    <message>
        <source>Revoke All of &amp;User…</source>
        <translation>Revogar todas do &amp;usuário…</translation>
    </message>
    <message>
        <source>&amp;Copy ID</source>
        <translation>Copiar &amp;ID</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos os status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativa</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revogada</translation>
    </message>
    <message>
        <source>User filter</source>
        <translation>Filtro de usuário</translation>
    </message>
    <message>
        <source>Consumer filter</source>
        <translation>Filtro de consumidor</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Todos os usuários</translation>
    </message>
    <message>
        <source>All consumers</source>
        <translation>Todos os consumidores</translation>
    </message>
    <message>
        <source>Authorizations</source>
        <translation>Autorizações</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Revoke every active authorization of %1</source>
        <translation>Revogar todas as autorizações ativas de %1</translation>
    </message>
    <message>
        <source>Choose a consumer in the filter or select a row first</source>
        <translation>Escolha um consumidor no filtro ou selecione uma linha antes</translation>
    </message>
    <message>
        <source>Choose a user in the filter or select a row first</source>
        <translation>Escolha um usuário no filtro ou selecione uma linha antes</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Consumidor</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Escopos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation>Autorizada em</translation>
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
        <translation>Revogada em</translation>
    </message>
    <message>
        <source>Revoked by</source>
        <translation>Revogada por</translation>
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
        <translation>Revogar a autorização de %1 para %2?</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n selected authorizations?</source>
        <translation>
            <numerusform>Revogar %n autorização selecionada?</numerusform>
            <numerusform>Revogar %n autorizações selecionadas?</numerusform>
        </translation>
    </message>
    <message>
        <source>Their access and refresh tokens stop working at once. The user has to authorize the application again to use it. This cannot be undone.</source>
        <translation>Os access tokens e refresh tokens deixam de funcionar imediatamente. O usuário terá de autorizar o aplicativo novamente para usá-lo. Esta ação não pode ser desfeita.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revogar</translation>
    </message>
    <message>
        <source>The authorization was not revoked</source>
        <translation>A autorização não foi revogada</translation>
    </message>
    <message>
        <source>Authorization of %1 for %2 revoked.</source>
        <translation>Autorização de %1 para %2 revogada.</translation>
    </message>
    <message numerus="yes">
        <source>Revoking %n authorizations…</source>
        <translation>
            <numerusform>Revogando %n autorização…</numerusform>
            <numerusform>Revogando %n autorizações…</numerusform>
        </translation>
    </message>
    <message>
        <source>The authorizations were not revoked</source>
        <translation>As autorizações não foram revogadas</translation>
    </message>
    <message numerus="yes">
        <source>%n authorization(s) revoked.</source>
        <translation>
            <numerusform>%n autorização revogada.</numerusform>
            <numerusform>%n autorizações revogadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>The authorizations were not counted</source>
        <translation>Não foi possível contar as autorizações</translation>
    </message>
    <message>
        <source>%1 has no active authorizations.</source>
        <translation>%1 não tem autorizações ativas.</translation>
    </message>
    <message>
        <source>Revoke the only active authorization of %1?</source>
        <translation>Revogar a única autorização ativa de %1?</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n authorizations of %1?</source>
        <translation>
            <numerusform>Revogar %n autorização de %1?</numerusform>
            <numerusform>Revogar %n autorizações de %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>Every user who authorized %1 loses its access at once; its tokens stop working. This cannot be undone.</source>
        <translation>Todos os usuários que autorizaram %1 perdem o acesso imediatamente; os tokens deixam de funcionar. Esta ação não pode ser desfeita.</translation>
    </message>
    <message>
        <source>Every application %1 authorized loses its access at once; their tokens stop working. This cannot be undone.</source>
        <translation>Todos os aplicativos que %1 autorizou perdem o acesso imediatamente; os tokens deles deixam de funcionar. Esta ação não pode ser desfeita.</translation>
    </message>
    <message>
        <source>Revoke All</source>
        <translation>Revogar todas</translation>
    </message>
    <message numerus="yes">
        <source>Revoking %n authorizations of %1…</source>
        <translation>
            <numerusform>Revogando %n autorização de %1…</numerusform>
            <numerusform>Revogando %n autorizações de %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n authorization(s) of %1 revoked.</source>
        <translation>
            <numerusform>%n autorização de %1 revogada.</numerusform>
            <numerusform>%n autorizações de %1 revogadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n authorization id(s).</source>
        <translation>
            <numerusform>%n id de autorização copiado.</numerusform>
            <numerusform>%n ids de autorização copiados.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::ConsumerEditDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>&amp;Create consumer</source>
        <translation>&amp;Criar consumidor</translation>
    </message>
    <message>
        <source>Require PKCE (S256) in the authorization-code flow</source>
        <translation>Exigir PKCE (S256) no fluxo de código de autorização</translation>
    </message>
    <message>
        <source>Edit OAuth consumer %1</source>
        <translation>Editar consumidor OAuth %1</translation>
    </message>
    <message>
        <source>New OAuth consumer</source>
        <translation>Novo consumidor OAuth</translation>
    </message>
    <message>
        <source>e.g. Partner portal</source>
        <translation>ex.: Portal de parceiros</translation>
    </message>
    <message>
        <source>What this application is (optional)</source>
        <translation>O que é este aplicativo (opcional)</translation>
    </message>
    <message>
        <source>Choose a permission group…</source>
        <translation>Escolha um grupo de permissões…</translation>
    </message>
    <message>
        <source>Client credentials</source>
        <translation>Credenciais do cliente</translation>
    </message>
    <message>
        <source>Authorization code</source>
        <translation>Código de autorização</translation>
    </message>
    <message>
        <source>Confidential (a server that keeps a secret)</source>
        <translation>Confidencial (um servidor que guarda um segredo)</translation>
    </message>
    <message>
        <source>Public (a native or browser app: no secret)</source>
        <translation>Público (app nativo ou de navegador: sem segredo)</translation>
    </message>
    <message>
        <source>One per line, e.g.
https://app.example.com/callback
http://127.0.0.1/callback
com.example.app:/callback</source>
        <translation>Uma por linha, ex.:
https://app.example.com/callback
http://127.0.0.1/callback
com.example.app:/callback</translation>
    </message>
    <message>
        <source>Fixed when the consumer was created.</source>
        <translation>Definido quando o consumidor foi criado.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nome</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Descrição</translation>
    </message>
    <message>
        <source>Permission &amp;group</source>
        <translation>&amp;Grupo de permissões</translation>
    </message>
    <message>
        <source>G&amp;rant type</source>
        <translation>&amp;Tipo de concessão</translation>
    </message>
    <message>
        <source>Client &amp;type</source>
        <translation>Tipo de c&amp;liente</translation>
    </message>
    <message>
        <source>Redirect &amp;URIs</source>
        <translation>&amp;URIs de redirecionamento</translation>
    </message>
    <message>
        <source>PKCE</source>
        <translation>PKCE</translation>
    </message>
    <message>
        <source>For applications that act for a user of the account: the user signs in and consents, and the application receives a code at one of its redirect URIs.</source>
        <translation>Para aplicativos que agem em nome de um usuário da conta: o usuário faz login e dá consentimento, e o aplicativo recebe um código em uma de suas URIs de redirecionamento.</translation>
    </message>
    <message>
        <source>For server-to-server integrations: the application gets tokens with its own client ID and secret, without a user.</source>
        <translation>Para integrações entre servidores: o aplicativo obtém tokens com o próprio Client ID e segredo, sem usuário.</translation>
    </message>
    <message>
        <source>A public client always uses PKCE.</source>
        <translation>Um cliente público sempre usa PKCE.</translation>
    </message>
    <message>
        <source>is not an absolute URI such as https://app.example.com/callback.</source>
        <translation>não é uma URI absoluta como https://app.example.com/callback.</translation>
    </message>
    <message>
        <source>must not have a fragment (#…).</source>
        <translation>não pode ter fragmento (#…).</translation>
    </message>
    <message>
        <source>must not carry a user name or password.</source>
        <translation>não pode conter nome de usuário nem senha.</translation>
    </message>
    <message>
        <source>needs a host.</source>
        <translation>precisa de um host.</translation>
    </message>
    <message>
        <source>http is only allowed on a loopback host (127.0.0.1, [::1], localhost); use https.</source>
        <translation>http só é permitido em um host de loopback (127.0.0.1, [::1], localhost); use https.</translation>
    </message>
    <message>
        <source>must use https, http on a loopback host, or a reverse-domain private scheme such as com.example.app:/callback.</source>
        <translation>deve usar https, http em um host de loopback ou um esquema privado de domínio reverso como com.example.app:/callback.</translation>
    </message>
    <message>
        <source>Line %1, “%2”: %3</source>
        <translation>Linha %1, “%2”: %3</translation>
    </message>
    <message>
        <source>Authorization code needs at least one redirect URI.</source>
        <translation>O código de autorização precisa de pelo menos uma URI de redirecionamento.</translation>
    </message>
    <message>
        <source>Choose the permission group the consumer&apos;s tokens act with.</source>
        <translation>Escolha o grupo de permissões com o qual os tokens do consumidor atuam.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::ConsumerListModel</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>Grant type</source>
        <translation>Tipo de concessão</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>Tipo de cliente</translation>
    </message>
    <message>
        <source>Permission group</source>
        <translation>Grupo de permissões</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criado em</translation>
    </message>
    <message>
        <source>Authorization code</source>
        <translation>Código de autorização</translation>
    </message>
    <message>
        <source>Client credentials</source>
        <translation>Credenciais do cliente</translation>
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
        <translation>Desativado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
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
        <translation>&amp;Novo consumidor…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Rotate Secret…</source>
        <translation>&amp;Rotacionar segredo…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Desativar</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>E&amp;xcluir…</translation>
    </message>
    <message>
        <source>&amp;Copy Client ID</source>
        <translation>&amp;Copiar Client ID</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>Ex&amp;portar…</translation>
    </message>
    <message>
        <source>New OAuth consumer (Ctrl+N)</source>
        <translation>Novo consumidor OAuth (Ctrl+N)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos os status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desativado</translation>
    </message>
    <message>
        <source>OAuth Consumers</source>
        <translation>Consumidores OAuth</translation>
    </message>
    <message>
        <source>A public client has no secret to rotate.</source>
        <translation>Um cliente público não tem segredo para rotacionar.</translation>
    </message>
    <message>
        <source>Rotate the client secret</source>
        <translation>Rotacionar o segredo do cliente</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Permission group</source>
        <translation>Grupo de permissões</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <source>Grant type</source>
        <translation>Tipo de concessão</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>Tipo de cliente</translation>
    </message>
    <message>
        <source>Redirect URIs</source>
        <translation>URIs de redirecionamento</translation>
    </message>
    <message>
        <source>PKCE</source>
        <translation>PKCE</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obrigatório</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>Access tokens live</source>
        <translation>Validade dos access tokens</translation>
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
        <translation>Criado em</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Criado por</translation>
    </message>
    <message>
        <source>Secret rotated</source>
        <translation>Segredo rotacionado em</translation>
    </message>
    <message>
        <source>Old secret works until</source>
        <translation>Segredo antigo válido até</translation>
    </message>
    <message>
        <source>OAuth consumer %1 created.</source>
        <translation>Consumidor OAuth %1 criado.</translation>
    </message>
    <message>
        <source>OAuth consumer %1 saved.</source>
        <translation>Consumidor OAuth %1 salvo.</translation>
    </message>
    <message>
        <source>client secret</source>
        <translation>segredo do cliente</translation>
    </message>
    <message>
        <source>The client secret was not rotated</source>
        <translation>O segredo do cliente não foi rotacionado</translation>
    </message>
    <message>
        <source>The client secret of %1 was rotated.</source>
        <translation>O segredo do cliente de %1 foi rotacionado.</translation>
    </message>
    <message>
        <source>The consumer was not enabled</source>
        <translation>O consumidor não foi ativado</translation>
    </message>
    <message>
        <source>The consumer was not disabled</source>
        <translation>O consumidor não foi desativado</translation>
    </message>
    <message>
        <source>OAuth consumer %1 enabled.</source>
        <translation>Consumidor OAuth %1 ativado.</translation>
    </message>
    <message>
        <source>OAuth consumer %1 disabled.</source>
        <translation>Consumidor OAuth %1 desativado.</translation>
    </message>
    <message>
        <source>Delete OAuth consumer “%1”?</source>
        <translation>Excluir o consumidor OAuth “%1”?</translation>
    </message>
    <message>
        <source>The application with client ID %1 can no longer get tokens; its tokens stop working at once and the authorizations users granted it are deleted. This cannot be undone.</source>
        <translation>O aplicativo com Client ID %1 não poderá mais obter tokens; os tokens dele deixam de funcionar imediatamente e as autorizações que os usuários concederam a ele são excluídas. Esta ação não pode ser desfeita.</translation>
    </message>
    <message>
        <source>Delete Consumer</source>
        <translation>Excluir consumidor</translation>
    </message>
    <message>
        <source>The consumer was not deleted</source>
        <translation>O consumidor não foi excluído</translation>
    </message>
    <message>
        <source>OAuth consumer %1 deleted.</source>
        <translation>Consumidor OAuth %1 excluído.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n client ID(s).</source>
        <translation>
            <numerusform>%n Client ID copiado.</numerusform>
            <numerusform>%n Client IDs copiados.</numerusform>
        </translation>
    </message>
    <message>
        <source>No client secret</source>
        <translation>Sem segredo do cliente</translation>
    </message>
    <message>
        <source>%1 is a public client: it has no client secret.</source>
        <translation>%1 é um cliente público: não tem segredo do cliente.</translation>
    </message>
    <message>
        <source>It signs users in with its client ID %1 and PKCE; there is nothing secret to keep or export.</source>
        <translation>Ele faz o login dos usuários com o Client ID %1 e PKCE; não há nada secreto para guardar ou exportar.</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Segredo do cliente</translation>
    </message>
    <message>
        <source>&amp;Test in Flow Tester</source>
        <translation>Te&amp;star no testador de fluxo</translation>
    </message>
    <message>
        <source>Run this consumer&apos;s grant in the Flow Tester (Ctrl+T)</source>
        <translation>Executar a concessão deste consumidor no testador de fluxo (Ctrl+T)</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::EntityEditDialog</name>
    <message>
        <source>A name is required.</source>
        <translation>O nome é obrigatório.</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>No máximo %1 caracteres.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::EntityPage</name>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Pesquisar (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Pesquisar</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtro de status</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>A&amp;tivar</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Desativar</translation>
    </message>
    <message>
        <source>Select a row to see its details.</source>
        <translation>Selecione uma linha para ver os detalhes.</translation>
    </message>
    <message>
        <source>The secret is not in the keychain</source>
        <translation>O segredo não está no chaveiro</translation>
    </message>
    <message>
        <source>Rotate the secret once the keychain works to keep a copy.</source>
        <translation>Rotacione o segredo quando o chaveiro funcionar para guardar uma cópia.</translation>
    </message>
    <message>
        <source>Not connected to the account.</source>
        <translation>Sem conexão com a conta.</translation>
    </message>
    <message>
        <source>Retry once the window is back online.</source>
        <translation>Tente novamente quando a janela voltar a ficar on-line.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::ExportDialog</name>
    <message>
        <source>API Keys</source>
        <translation>Chaves de API</translation>
    </message>
    <message>
        <source>OAuth Consumers</source>
        <translation>Consumidores OAuth</translation>
    </message>
    <message>
        <source>&amp;Encrypt with a passphrase (age)</source>
        <translation>&amp;Criptografar com frase secreta (age)</translation>
    </message>
    <message>
        <source>ASCII &amp;armor (text instead of binary)</source>
        <translation>ASCII &amp;armor (texto em vez de binário)</translation>
    </message>
    <message>
        <source>Export credentials</source>
        <translation>Exportar credenciais</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Segredo</translation>
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
        <translation>Ambiente do Postman (v2.1)</translation>
    </message>
    <message>
        <source>curl script (.sh)</source>
        <translation>Script curl (.sh)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Procurar…</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Formato</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>Frase &amp;secreta</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>&amp;Repita</translation>
    </message>
    <message>
        <source>&amp;Save to</source>
        <translation>Sal&amp;var em</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>reading the keychain…</source>
        <translation>lendo o chaveiro…</translation>
    </message>
    <message>
        <source>in the keychain</source>
        <translation>no chaveiro</translation>
    </message>
    <message>
        <source>not in the keychain</source>
        <translation>fora do chaveiro</translation>
    </message>
    <message>
        <source>public client: no secret</source>
        <translation>cliente público: sem segredo</translation>
    </message>
    <message>
        <source>Tick the keys and consumers to export.</source>
        <translation>Marque as chaves e os consumidores que deseja exportar.</translation>
    </message>
    <message>
        <source>Choose the file to save to.</source>
        <translation>Escolha o arquivo onde salvar.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>A pasta %1 não existe.</translation>
    </message>
    <message>
        <source>Type a passphrase, or untick encryption.</source>
        <translation>Digite uma frase secreta ou desmarque a criptografia.</translation>
    </message>
    <message>
        <source>The passphrases do not match.</source>
        <translation>As frases secretas não coincidem.</translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) are not in this computer&apos;s keychain and are exported as MISSING, with the reason. To export one, rotate it: the new secret is kept in the keychain.</source>
        <translation>
            <numerusform>%n segredo não está no chaveiro deste computador e é exportado como MISSING, com o motivo. Para exportá-lo, rotacione-o: o novo segredo fica guardado no chaveiro.</numerusform>
            <numerusform>%n segredos não estão no chaveiro deste computador e são exportados como MISSING, com o motivo. Para exportar um deles, rotacione-o: o novo segredo fica guardado no chaveiro.</numerusform>
        </translation>
    </message>
    <message>
        <source>A passphrase of 12 characters or more is much harder to guess.</source>
        <translation>Uma frase secreta de 12 caracteres ou mais é muito mais difícil de adivinhar.</translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation>Salvar a exportação como</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::FlowBrowser</name>
    <message>
        <source>Run an authorization-code test with the built-in browser: the provider&apos;s sign-in and consent pages appear here, each test in a private browser of its own.</source>
        <translation>Execute um teste de código de autorização com o navegador integrado: as páginas de login e de consentimento do provedor aparecem aqui, cada teste em um navegador privado próprio.</translation>
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
        <translation>&amp;Linha do tempo</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Histórico</translation>
    </message>
    <message>
        <source>The page %1 could not be loaded: the provider may be down or unreachable from this computer. Nothing was caught.</source>
        <translation>Não foi possível carregar a página %1: o provedor pode estar fora do ar ou inacessível a partir deste computador. Nada foi capturado.</translation>
    </message>
    <message>
        <source>Flow Tester</source>
        <translation>Testador de fluxo</translation>
    </message>
    <message>
        <source>Authorization code</source>
        <translation>Código de autorização</translation>
    </message>
    <message>
        <source>Client credentials</source>
        <translation>Credenciais do cliente</translation>
    </message>
    <message>
        <source>API key (Hawk)</source>
        <translation>Chave de API (Hawk)</translation>
    </message>
    <message>
        <source>This account</source>
        <translation>Esta conta</translation>
    </message>
    <message>
        <source>Issuer URL (discovery)</source>
        <translation>URL do emissor (descoberta)</translation>
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
        <translation>Mostrar o segredo</translation>
    </message>
    <message>
        <source>HTTP Basic (client_secret_basic)</source>
        <translation>HTTP Basic (client_secret_basic)</translation>
    </message>
    <message>
        <source>In the form (client_secret_post)</source>
        <translation>No formulário (client_secret_post)</translation>
    </message>
    <message>
        <source>None (public client)</source>
        <translation>Nenhuma (cliente público)</translation>
    </message>
    <message>
        <source>Built-in browser</source>
        <translation>Navegador integrado</translation>
    </message>
    <message>
        <source>System browser (loopback redirect)</source>
        <translation>Navegador do sistema (redirecionamento de loopback)</translation>
    </message>
    <message>
        <source>space-separated, e.g. assets:read</source>
        <translation>separados por espaço, ex.: assets:read</translation>
    </message>
    <message>
        <source>S256 (recommended)</source>
        <translation>S256 (recomendado)</translation>
    </message>
    <message>
        <source>plain (to test servers)</source>
        <translation>plain (para testar servidores)</translation>
    </message>
    <message>
        <source>Off (to test servers)</source>
        <translation>Desativado (para testar servidores)</translation>
    </message>
    <message>
        <source>whoami, userinfo or any URL</source>
        <translation>whoami, userinfo ou qualquer URL</translation>
    </message>
    <message>
        <source>&amp;Test:</source>
        <translation>&amp;Teste:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Provedor:</translation>
    </message>
    <message>
        <source>C&amp;onsumer:</source>
        <translation>C&amp;onsumidor:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>Chave de &amp;API:</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>&amp;Emissor:</translation>
    </message>
    <message>
        <source>Authorize URL:</source>
        <translation>URL de autorização:</translation>
    </message>
    <message>
        <source>Token URL:</source>
        <translation>URL de token:</translation>
    </message>
    <message>
        <source>Revocation URL:</source>
        <translation>URL de revogação:</translation>
    </message>
    <message>
        <source>Introspection URL:</source>
        <translation>URL de introspecção:</translation>
    </message>
    <message>
        <source>JWKS URL:</source>
        <translation>URL do JWKS:</translation>
    </message>
    <message>
        <source>Client I&amp;D:</source>
        <translation>Client I&amp;D:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>&amp;Segredo do cliente:</translation>
    </message>
    <message>
        <source>Client a&amp;uthentication:</source>
        <translation>A&amp;utenticação do cliente:</translation>
    </message>
    <message>
        <source>Re&amp;direct URI:</source>
        <translation>UR&amp;I de redirecionamento:</translation>
    </message>
    <message>
        <source>&amp;Browser:</source>
        <translation>Nave&amp;gador:</translation>
    </message>
    <message>
        <source>Sco&amp;pes:</source>
        <translation>Es&amp;copos:</translation>
    </message>
    <message>
        <source>P&amp;KCE:</source>
        <translation>P&amp;KCE:</translation>
    </message>
    <message>
        <source>E&amp;xtra parameters:</source>
        <translation>Parâmetros &amp;adicionais:</translation>
    </message>
    <message>
        <source>&amp;Call URL:</source>
        <translation>URL de cha&amp;mada:</translation>
    </message>
    <message>
        <source>&amp;Run Test</source>
        <translation>E&amp;xecutar teste</translation>
    </message>
    <message>
        <source>Run the test (Ctrl+Return)</source>
        <translation>Executar o teste (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop the running test (Esc)</source>
        <translation>Interromper o teste em andamento (Esc)</translation>
    </message>
    <message>
        <source>The token response appears here, its tokens masked.</source>
        <translation>A resposta de token aparece aqui, com os tokens mascarados.</translation>
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
        <translation>Access token copiado; a área de transferência será limpa em 30 segundos.</translation>
    </message>
    <message>
        <source>Tokens that are JWTs are decoded here (header and claims), their signature checked against the provider&apos;s JWKS.</source>
        <translation>Os tokens que são JWTs são decodificados aqui (cabeçalho e claims), com a assinatura verificada no JWKS do provedor.</translation>
    </message>
    <message>
        <source>Ca&amp;ll URL</source>
        <translation>Chama&amp;r URL</translation>
    </message>
    <message>
        <source>GET the Call URL with the access token as a Bearer token</source>
        <translation>Fazer um GET na URL de chamada com o access token como token Bearer</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;novar</translation>
    </message>
    <message>
        <source>I&amp;ntrospect</source>
        <translation>&amp;Introspectar</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>Revo&amp;gar</translation>
    </message>
    <message>
        <source>The token Introspect and Revoke send</source>
        <translation>O token que Introspectar e Revogar enviam</translation>
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
        <translation>O que as chamadas com o token responderam: whoami, introspecção, revogação.</translation>
    </message>
    <message>
        <source>Pick an exchange to see its headers and bodies, secrets masked.</source>
        <translation>Escolha uma troca para ver os cabeçalhos e corpos dela, com os segredos mascarados.</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Copiar como &amp;curl</translation>
    </message>
    <message>
        <source>curl command copied (secrets masked).</source>
        <translation>Comando curl copiado (segredos mascarados).</translation>
    </message>
    <message>
        <source>Copy &amp;All as curl</source>
        <translation>Copiar &amp;tudo como curl</translation>
    </message>
    <message>
        <source>curl commands copied: %1 (secrets masked).</source>
        <translation>Comandos curl copiados: %1 (segredos mascarados).</translation>
    </message>
    <message>
        <source>Every HTTP exchange of the test. Secrets are masked here and in what is copied.</source>
        <translation>Todas as trocas HTTP do teste. Os segredos são mascarados aqui e no que for copiado.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Teste</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provedor</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Escopos</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Run &amp;Again</source>
        <translation>Executar no&amp;vamente</translation>
    </message>
    <message>
        <source>Load this test into the set-up panel and run it (no secret is kept in the history: it comes from the keychain or the field)</source>
        <translation>Carregar este teste no painel de configuração e executá-lo (nenhum segredo é guardado no histórico: ele vem do chaveiro ou do campo)</translation>
    </message>
    <message>
        <source>Past tests of this account, newest first. No secret or token is kept.</source>
        <translation>Testes anteriores desta conta, dos mais recentes aos mais antigos. Nenhum segredo ou token é guardado.</translation>
    </message>
    <message>
        <source>API &amp;secret:</source>
        <translation>&amp;Segredo da API:</translation>
    </message>
    <message>
        <source>&amp;Issuer (optional):</source>
        <translation>&amp;Emissor (opcional):</translation>
    </message>
    <message>
        <source>Looking in the keychain…</source>
        <translation>Procurando no chaveiro…</translation>
    </message>
    <message>
        <source>From the keychain.</source>
        <translation>Obtido do chaveiro.</translation>
    </message>
    <message>
        <source>Not in the keychain: type it, or rotate the secret to get a new one.</source>
        <translation>Não está no chaveiro: digite-o ou rotacione o segredo para obter um novo.</translation>
    </message>
    <message>
        <source>Pick an API key, or type its id.</source>
        <translation>Escolha uma chave de API ou digite o id dela.</translation>
    </message>
    <message>
        <source>Type the API secret: the keychain does not hold it.</source>
        <translation>Digite o segredo da API: ele não está no chaveiro.</translation>
    </message>
    <message>
        <source>The Call URL must be an http or https URL.</source>
        <translation>A URL de chamada deve ser uma URL http ou https.</translation>
    </message>
    <message>
        <source>Add an account first, or test another provider by its issuer URL.</source>
        <translation>Adicione uma conta primeiro ou teste outro provedor pela URL do emissor.</translation>
    </message>
    <message>
        <source>The issuer must be an http or https URL, like https://id.example.com.</source>
        <translation>O emissor deve ser uma URL http ou https, como https://id.example.com.</translation>
    </message>
    <message>
        <source>The authorize URL must be an http or https URL.</source>
        <translation>A URL de autorização deve ser uma URL http ou https.</translation>
    </message>
    <message>
        <source>The token URL must be an http or https URL.</source>
        <translation>A URL de token deve ser uma URL http ou https.</translation>
    </message>
    <message>
        <source>The issuer must be an http or https URL, or empty.</source>
        <translation>O emissor deve ser uma URL http ou https, ou ficar vazio.</translation>
    </message>
    <message>
        <source>Type the client ID (pick a consumer to fill it).</source>
        <translation>Digite o Client ID (escolha um consumidor para preenchê-lo).</translation>
    </message>
    <message>
        <source>Type the client secret, or choose None for a public client.</source>
        <translation>Digite o segredo do cliente ou escolha Nenhuma para um cliente público.</translation>
    </message>
    <message>
        <source>Type the redirect URI the provider sends the browser back to.</source>
        <translation>Digite a URI de redirecionamento para a qual o provedor devolve o navegador.</translation>
    </message>
    <message>
        <source>Extra parameters go as name=value pairs joined by &amp;.</source>
        <translation>Os parâmetros adicionais vão como pares nome=valor unidos por &amp;.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Reading the provider&apos;s metadata (discovery)…</source>
        <translation>Lendo os metadados do provedor (descoberta)…</translation>
    </message>
    <message>
        <source>The provider&apos;s metadata could not be read.</source>
        <translation>Não foi possível ler os metadados do provedor.</translation>
    </message>
    <message>
        <source>The loopback listener could not start.</source>
        <translation>Não foi possível iniciar a escuta em loopback.</translation>
    </message>
    <message>
        <source>The authorization request could not be made.</source>
        <translation>Não foi possível montar a solicitação de autorização.</translation>
    </message>
    <message>
        <source>No redirect came back to %1.</source>
        <translation>Nenhum redirecionamento voltou para %1.</translation>
    </message>
    <message>
        <source>Sign in and approve in your browser; Latchkey listens at %1 for the redirect.</source>
        <translation>Faça login e aprove no navegador; o Latchkey aguarda o redirecionamento em %1.</translation>
    </message>
    <message>
        <source>No browser could be opened for %1. Choose the built-in browser instead.</source>
        <translation>Não foi possível abrir um navegador para %1. Escolha o navegador integrado.</translation>
    </message>
    <message>
        <source>Sign in and approve in the browser below. Latchkey catches the redirect to %1 without loading it.</source>
        <translation>Faça login e aprove no navegador abaixo. O Latchkey captura o redirecionamento para %1 sem carregá-lo.</translation>
    </message>
    <message>
        <source>The redirect reached %1 carrying %2 in its %3.</source>
        <translation>O redirecionamento chegou a %1; parâmetros %3: %2.</translation>
    </message>
    <message>
        <source>Caught the redirect to %1 without loading it; it carried %2 in its %3.</source>
        <translation>Redirecionamento para %1 capturado sem carregá-lo; parâmetros %3: %2.</translation>
    </message>
    <message>
        <source>no parameters</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>fragment (response_mode=fragment)</source>
        <translation>no fragmento (response_mode=fragment)</translation>
    </message>
    <message>
        <source>query</source>
        <translation>na query</translation>
    </message>
    <message>
        <source>It holds a token instead of a code: the provider answered with the implicit grant, which this test did not ask for (OAuth 2.1 drops it).</source>
        <translation>O redirecionamento traz um token em vez de um código: o provedor respondeu com a concessão implícita, que este teste não pediu (o OAuth 2.1 a eliminou).</translation>
    </message>
    <message>
        <source>iss not checked (no issuer given)</source>
        <translation>iss não verificado (nenhum emissor informado)</translation>
    </message>
    <message>
        <source>state matches</source>
        <translation>state confere</translation>
    </message>
    <message>
        <source>iss is the issuer</source>
        <translation>iss é o emissor</translation>
    </message>
    <message>
        <source>no iss (the provider does not send one)</source>
        <translation>sem iss (o provedor não o envia)</translation>
    </message>
    <message>
        <source>The provider shows “%1” at %2: sign in and approve in the browser below.</source>
        <translation>O provedor mostra “%1” em %2: faça login e aprove no navegador abaixo.</translation>
    </message>
    <message>
        <source>The provider shows an error page instead of redirecting back, so nothing was caught: “%1”</source>
        <translation>O provedor mostra uma página de erro em vez de redirecionar de volta, então nada foi capturado: “%1”</translation>
    </message>
    <message>
        <source>redirect_uri does not match a registered URI of this consumer (%1 is not among %2).</source>
        <translation>redirect_uri não corresponde a nenhuma URI registrada deste consumidor (%1 não está entre %2).</translation>
    </message>
    <message>
        <source>Exchanging the code for a token…</source>
        <translation>Trocando o código por um token…</translation>
    </message>
    <message>
        <source>The code could not be exchanged for a token.</source>
        <translation>Não foi possível trocar o código por um token.</translation>
    </message>
    <message>
        <source>The token endpoint issued a %1 token%2.</source>
        <translation>O endpoint de token emitiu um token %1%2.</translation>
    </message>
    <message>
        <source> and a refresh token</source>
        <translation> e um refresh token</translation>
    </message>
    <message>
        <source>Asking the token endpoint for a client credentials token…</source>
        <translation>Solicitando ao endpoint de token um token de credenciais do cliente…</translation>
    </message>
    <message>
        <source>The token endpoint refused the client.</source>
        <translation>O endpoint de token recusou o cliente.</translation>
    </message>
    <message>
        <source>Client credentials: the token endpoint issued a %1 token%2.</source>
        <translation>Credenciais do cliente: o endpoint de token emitiu um token %1%2.</translation>
    </message>
    <message>
        <source> for “%1”</source>
        <translation> para “%1”</translation>
    </message>
    <message>
        <source>Sending a Hawk-signed GET %1…</source>
        <translation>Enviando um GET %1 assinado com Hawk…</translation>
    </message>
    <message>
        <source>The signed request got no answer.</source>
        <translation>A solicitação assinada não teve resposta.</translation>
    </message>
    <message>
        <source>The server&apos;s clock is %1 s ahead of this computer&apos;s; Latchkey signed again with the server&apos;s time.</source>
        <translation>O relógio do servidor está %1 s adiantado em relação ao deste computador; o Latchkey assinou novamente com o horário do servidor.</translation>
    </message>
    <message>
        <source>The server&apos;s clock is %1 s behind this computer&apos;s; Latchkey signed again with the server&apos;s time.</source>
        <translation>O relógio do servidor está %1 s atrasado em relação ao deste computador; o Latchkey assinou novamente com o horário do servidor.</translation>
    </message>
    <message>
        <source>The API key works: the server accepted the Hawk-signed request (HTTP %1).</source>
        <translation>A chave de API funciona: o servidor aceitou a solicitação assinada com Hawk (HTTP %1).</translation>
    </message>
    <message>
        <source>The server refused the Hawk-signed request: %1</source>
        <translation>O servidor recusou a solicitação assinada com Hawk: %1</translation>
    </message>
    <message>
        <source>ID token</source>
        <translation>ID token</translation>
    </message>
    <message>
        <source>checking the signature…</source>
        <translation>verificando a assinatura…</translation>
    </message>
    <message>
        <source>signature not checked: the provider names no JWKS</source>
        <translation>assinatura não verificada: o provedor não indica nenhum JWKS</translation>
    </message>
    <message>
        <source>signature verified with the provider&apos;s key %1 (%2)</source>
        <translation>assinatura verificada com a chave %1 do provedor (%2)</translation>
    </message>
    <message>
        <source>signature NOT valid: %1</source>
        <translation>assinatura INVÁLIDA: %1</translation>
    </message>
    <message>
        <source>signature not checked: %1</source>
        <translation>assinatura não verificada: %1</translation>
    </message>
    <message>
        <source>%1 (JWT, %2): %3
%4
header: %5
claims: %6</source>
        <translation>%1 (JWT, %2): %3
%4
cabeçalho: %5
claims: %6</translation>
    </message>
    <message>
        <source>The access token names no expiry.</source>
        <translation>O access token não indica expiração.</translation>
    </message>
    <message>
        <source>Access token expires in %1 (at %2).</source>
        <translation>O access token expira em %1 (às %2).</translation>
    </message>
    <message>
        <source>Access token expired %1 ago.</source>
        <translation>O access token expirou há %1.</translation>
    </message>
    <message>
        <source>GET %1 with the access token…</source>
        <translation>GET %1 com o access token…</translation>
    </message>
    <message>
        <source>The call got no answer.</source>
        <translation>A chamada não teve resposta.</translation>
    </message>
    <message>
        <source>GET %1 with the access token: HTTP %2.</source>
        <translation>GET %1 com o access token: HTTP %2.</translation>
    </message>
    <message>
        <source>GET %1 with the access token was refused: %2</source>
        <translation>O GET %1 com o access token foi recusado: %2</translation>
    </message>
    <message>
        <source>Refreshing the token…</source>
        <translation>Renovando o token…</translation>
    </message>
    <message>
        <source>The refresh was refused.</source>
        <translation>A renovação foi recusada.</translation>
    </message>
    <message>
        <source>Refreshed: a new access token%1.</source>
        <translation>Renovado: um novo access token%1.</translation>
    </message>
    <message>
        <source> and a new refresh token</source>
        <translation> e um novo refresh token</translation>
    </message>
    <message>
        <source>Introspecting the %1…</source>
        <translation>Introspectando o %1…</translation>
    </message>
    <message>
        <source>The introspection was refused.</source>
        <translation>A introspecção foi recusada.</translation>
    </message>
    <message>
        <source>Introspection (RFC 7662)</source>
        <translation>Introspecção (RFC 7662)</translation>
    </message>
    <message>
        <source>Introspection: the %1 is active.</source>
        <translation>Introspecção: o %1 está ativo.</translation>
    </message>
    <message>
        <source>Introspection: the %1 is not active (revoked, expired or unknown).</source>
        <translation>Introspecção: o %1 não está ativo (revogado, expirado ou desconhecido).</translation>
    </message>
    <message>
        <source>Revoking the %1…</source>
        <translation>Revogando o %1…</translation>
    </message>
    <message>
        <source>The revocation was refused.</source>
        <translation>A revogação foi recusada.</translation>
    </message>
    <message>
        <source>Revocation (RFC 7009)</source>
        <translation>Revogação (RFC 7009)</translation>
    </message>
    <message>
        <source>The provider accepted the revocation.</source>
        <translation>O provedor aceitou a revogação.</translation>
    </message>
    <message>
        <source>Revoked: the provider accepted the revocation of the %1. Introspect to see it inactive.</source>
        <translation>Revogado: o provedor aceitou a revogação do %1. Faça a introspecção para vê-lo inativo.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Pick a consumer or a provider, then Run Test (Ctrl+Return).</source>
        <translation>Escolha um consumidor ou um provedor e clique em Executar teste (Ctrl+Return).</translation>
    </message>
    <message>
        <source>The test was not added to the history: %1</source>
        <translation>O teste não foi adicionado ao histórico: %1</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::KeyEditDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation>&amp;Criar chave</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Expira em</translation>
    </message>
    <message>
        <source>Edit API key %1</source>
        <translation>Editar chave de API %1</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Nova chave de API</translation>
    </message>
    <message>
        <source>e.g. ERP Sync</source>
        <translation>ex.: Sincronização do ERP</translation>
    </message>
    <message>
        <source>What uses this key (optional)</source>
        <translation>O que usa esta chave (opcional)</translation>
    </message>
    <message>
        <source>Choose a permission group…</source>
        <translation>Escolha um grupo de permissões…</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nome</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Descrição</translation>
    </message>
    <message>
        <source>Permission &amp;group</source>
        <translation>&amp;Grupo de permissões</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiração</translation>
    </message>
    <message>
        <source>Choose the permission group the key acts with.</source>
        <translation>Escolha o grupo de permissões com o qual a chave atua.</translation>
    </message>
    <message>
        <source>The expiry must be in the future.</source>
        <translation>A expiração deve estar no futuro.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::KeyListModel</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>API Key</source>
        <translation>API Key</translation>
    </message>
    <message>
        <source>Permission group</source>
        <translation>Grupo de permissões</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expira em</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criada em</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desativada</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirada</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativa</translation>
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
        <translation>&amp;Nova chave…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Rotate Secret…</source>
        <translation>&amp;Rotacionar segredo…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Desativar</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>E&amp;xcluir…</translation>
    </message>
    <message>
        <source>&amp;Copy API Key</source>
        <translation>&amp;Copiar API Key</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>Ex&amp;portar…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos os status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativa</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desativada</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirada</translation>
    </message>
    <message>
        <source>API Keys</source>
        <translation>Chaves de API</translation>
    </message>
    <message>
        <source>API Key</source>
        <translation>API Key</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Permission group</source>
        <translation>Grupo de permissões</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expira em</translation>
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
        <translation>Criada em</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Criada por</translation>
    </message>
    <message>
        <source>Secret rotated</source>
        <translation>Segredo rotacionado em</translation>
    </message>
    <message>
        <source>Old secret works until</source>
        <translation>Segredo antigo válido até</translation>
    </message>
    <message>
        <source>API key %1 created.</source>
        <translation>Chave de API %1 criada.</translation>
    </message>
    <message>
        <source>API key %1 saved.</source>
        <translation>Chave de API %1 salva.</translation>
    </message>
    <message>
        <source>API Secret</source>
        <translation>API Secret</translation>
    </message>
    <message>
        <source>The secret was not rotated</source>
        <translation>O segredo não foi rotacionado</translation>
    </message>
    <message>
        <source>The secret of %1 was rotated.</source>
        <translation>O segredo de %1 foi rotacionado.</translation>
    </message>
    <message>
        <source>The key was not enabled</source>
        <translation>A chave não foi ativada</translation>
    </message>
    <message>
        <source>The key was not disabled</source>
        <translation>A chave não foi desativada</translation>
    </message>
    <message>
        <source>API key %1 enabled.</source>
        <translation>Chave de API %1 ativada.</translation>
    </message>
    <message>
        <source>API key %1 disabled.</source>
        <translation>Chave de API %1 desativada.</translation>
    </message>
    <message>
        <source>Delete API key “%1”?</source>
        <translation>Excluir a chave de API “%1”?</translation>
    </message>
    <message>
        <source>Integrations that sign requests with %1 stop working at once. This cannot be undone.</source>
        <translation>As integrações que assinam solicitações com %1 deixam de funcionar imediatamente. Esta ação não pode ser desfeita.</translation>
    </message>
    <message>
        <source>Delete Key</source>
        <translation>Excluir chave</translation>
    </message>
    <message>
        <source>The key was not deleted</source>
        <translation>A chave não foi excluída</translation>
    </message>
    <message>
        <source>API key %1 deleted.</source>
        <translation>Chave de API %1 excluída.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n API key id(s).</source>
        <translation>
            <numerusform>%n id de chave de API copiado.</numerusform>
            <numerusform>%n ids de chave de API copiados.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Test Key</source>
        <translation>Te&amp;star chave</translation>
    </message>
    <message>
        <source>Send a Hawk-signed whoami with this key (Ctrl+T)</source>
        <translation>Enviar um whoami assinado com Hawk usando esta chave (Ctrl+T)</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::MainWindow</name>
    <message>
        <source>PRODUCTION</source>
        <translation>PRODUÇÃO</translation>
    </message>
    <message>
        <source>STAGING</source>
        <translation>HOMOLOGAÇÃO</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>SANDBOX</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Tentar novamente</translation>
    </message>
    <message>
        <source>Sign &amp;In</source>
        <translation>E&amp;ntrar</translation>
    </message>
    <message>
        <source>Start a &amp;New Sandbox</source>
        <translation>&amp;Iniciar novo sandbox</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Encerrar &amp;sessão</translation>
    </message>
    <message>
        <source>&amp;Edit Account…</source>
        <translation>&amp;Editar conta…</translation>
    </message>
    <message>
        <source>&amp;Remove Account…</source>
        <translation>&amp;Remover conta…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Atualizar</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Seções</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Falha no login</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Start a new sandbox</source>
        <translation>Iniciar um novo sandbox</translation>
    </message>
    <message>
        <source>Delete the local sandbox&apos;s data and start a new one with fresh demo data?</source>
        <translation>Excluir os dados do sandbox local e iniciar um novo com dados de demonstração novos?</translation>
    </message>
    <message>
        <source>Start New Sandbox</source>
        <translation>Iniciar novo sandbox</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Conta</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Conta:</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Export Credentials…</source>
        <translation>&amp;Exportar credenciais…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Novo…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Localizar</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferências…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Conta</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>&amp;Adicionar conta…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <source>&amp;About Latchkey</source>
        <translation>&amp;Sobre o Latchkey</translation>
    </message>
    <message>
        <source>Add Account…</source>
        <translation>Adicionar conta…</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>Nenhuma conta</translation>
    </message>
    <message>
        <source>Add an account to start.</source>
        <translation>Adicione uma conta para começar.</translation>
    </message>
    <message>
        <source>Starting the local sandbox…</source>
        <translation>Iniciando o sandbox local…</translation>
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
        <translation>Off-line</translation>
    </message>
    <message>
        <source>Offline — last synced %1. The lists below are the cached ones, read-only.</source>
        <translation>Off-line — última sincronização %1. As listas abaixo são as do cache, somente leitura.</translation>
    </message>
    <message>
        <source>Offline — never synced with this account.</source>
        <translation>Off-line — nunca sincronizado com esta conta.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sessão encerrada</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Última sincronização %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nunca sincronizado</translation>
    </message>
    <message>
        <source>The account was not added</source>
        <translation>A conta não foi adicionada</translation>
    </message>
    <message>
        <source>The account was not saved</source>
        <translation>A conta não foi salva</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Remover conta</translation>
    </message>
    <message>
        <source>Remove the account “%1” from Latchkey?</source>
        <translation>Remover a conta “%1” do Latchkey?</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Remover conta</translation>
    </message>
    <message>
        <source>About Latchkey</source>
        <translation>Sobre o Latchkey</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Latchkey %1&lt;/h3&gt;&lt;p&gt;A desktop console for API keys, OAuth consumers and the authorizations users granted them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Latchkey %1&lt;/h3&gt;&lt;p&gt;Um console de desktop para chaves de API, consumidores OAuth e as autorizações que os usuários concederam a eles.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n item(s) to %1.</source>
        <translation>
            <numerusform>%n item exportado para %1.</numerusform>
            <numerusform>%n itens exportados para %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) exported as missing.</source>
        <translation>
            <numerusform>%n segredo exportado como ausente.</numerusform>
            <numerusform>%n segredos exportados como ausentes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in in your browser; Latchkey waits for it.</source>
        <translation>Faça login no navegador; o Latchkey aguardará.</translation>
    </message>
    <message>
        <source>The account was not removed</source>
        <translation>A conta não foi removida</translation>
    </message>
    <message>
        <source>The local sandbox&apos;s server and its data are deleted; a new sandbox starts if no other account is left.</source>
        <translation>O servidor do sandbox local e os dados dele são excluídos; um novo sandbox é iniciado se não restar nenhuma outra conta.</translation>
    </message>
    <message>
        <source>Its cached lists and the secrets this computer kept for it are deleted, and you are signed out. The account itself, on its server, is not changed.</source>
        <translation>As listas em cache dela e os segredos que este computador guardou para ela são excluídos, e sua sessão é encerrada. A conta em si, no servidor, não é alterada.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferências</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Idioma do sistema</translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation>Do sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <source>A new language applies the next time Latchkey starts.</source>
        <translation>Um novo idioma é aplicado na próxima vez que o Latchkey for iniciado.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Colors</source>
        <translation>&amp;Cores</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::ProfileDialog</name>
    <message>
        <source>Edit account %1</source>
        <translation>Editar conta %1</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Adicionar conta</translation>
    </message>
    <message>
        <source>e.g. Acme production</source>
        <translation>ex.: Acme produção</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produção</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Homologação</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Sign in with the system browser</source>
        <translation>Entrar com o navegador do sistema</translation>
    </message>
    <message>
        <source>Sign in with the built-in browser</source>
        <translation>Entrar com o navegador integrado</translation>
    </message>
    <message>
        <source>Automation consumer (client credentials)</source>
        <translation>Consumidor de automação (credenciais do cliente)</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sem alteração</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nome</translation>
    </message>
    <message>
        <source>Server &amp;URL</source>
        <translation>&amp;URL do servidor</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>A&amp;mbiente</translation>
    </message>
    <message>
        <source>&amp;Sign-in</source>
        <translation>&amp;Login</translation>
    </message>
    <message>
        <source>&amp;Client ID</source>
        <translation>&amp;Client ID</translation>
    </message>
    <message>
        <source>Client s&amp;ecret</source>
        <translation>S&amp;egredo do cliente</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Adicionar</translation>
    </message>
    <message>
        <source>The automation consumer&apos;s client ID is required.</source>
        <translation>O Client ID do consumidor de automação é obrigatório.</translation>
    </message>
    <message>
        <source>The client secret is required; it is kept in the keychain.</source>
        <translation>O segredo do cliente é obrigatório; ele é guardado no chaveiro.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::RotateDialog</name>
    <message>
        <source>Rotate the %1 of %2</source>
        <translation>Rotacionar o %1 de %2</translation>
    </message>
    <message>
        <source>A new %1 is made and shown once. The old one stops working at once, or after a grace period while integrations switch.</source>
        <translation>Um novo %1 é gerado e exibido uma única vez. O antigo deixa de funcionar imediatamente ou após um período de carência enquanto as integrações fazem a troca.</translation>
    </message>
    <message>
        <source>Stops at once</source>
        <translation>Deixa de funcionar imediatamente</translation>
    </message>
    <message>
        <source>Works 1 more hour</source>
        <translation>Funciona por mais 1 hora</translation>
    </message>
    <message>
        <source>Works 24 more hours</source>
        <translation>Funciona por mais 24 horas</translation>
    </message>
    <message>
        <source>Works 7 more days</source>
        <translation>Funciona por mais 7 dias</translation>
    </message>
    <message>
        <source>The old %1</source>
        <translation>O %1 antigo</translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation>&amp;Rotacionar</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::SecretDialog</name>
    <message>
        <source>Keep it in the keychain of this computer</source>
        <translation>Guardar no chaveiro deste computador</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>New secret of %1</source>
        <translation>Novo segredo de %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is the only time the %1 is shown.&lt;/b&gt; Copy it or export it now; the server keeps only what it needs to check it.</source>
        <translation>&lt;b&gt;Esta é a única vez que o %1 é exibido.&lt;/b&gt; Copie-o ou exporte-o agora; o servidor guarda apenas o necessário para verificá-lo.</translation>
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
            <numerusform>Copiado. A área de transferência será limpa em %n segundo.</numerusform>
            <numerusform>Copiado. A área de transferência será limpa em %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Latchkey can then export this secret later. It is stored in the system keychain (service “Latchkey”), never in a file.</source>
        <translation>Assim o Latchkey poderá exportar este segredo depois. Ele é guardado no chaveiro do sistema (serviço “Latchkey”), nunca em um arquivo.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Pronto</translation>
    </message>
    <message>
        <source>The secret of %1 is kept in the keychain.</source>
        <translation>O segredo de %1 está guardado no chaveiro.</translation>
    </message>
    <message>
        <source>The secret of %1 was not kept.</source>
        <translation>O segredo de %1 não foi guardado.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::SignInBrowser</name>
    <message>
        <source>Sign in to %1</source>
        <translation>Entrar em %1</translation>
    </message>
</context>
<context>
    <name>Latchkey::Ui::TimelineModel</name>
    <message>
        <source>No response: %1</source>
        <translation>Sem resposta: %1</translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1 em %2 ms</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>sem resposta</translation>
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
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
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
        <translation>Faça login em %1 para ver os dados.</translation>
    </message>
    <message>
        <source>Signed out of %1. Sign in to see its data.</source>
        <translation>Sessão encerrada em %1. Faça login para ver os dados.</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in your browser…</source>
        <translation>Aguardando o login no navegador…</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The token endpoint answered without an access_token.</source>
        <translation>O endpoint de token respondeu sem um access_token.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Choose Account › Sign In to sign in again.</source>
        <translation>Escolha Conta › Entrar para fazer login novamente.</translation>
    </message>
    <message>
        <source>Choose Account › Sign In and enter the automation consumer&apos;s client id and secret.</source>
        <translation>Escolha Conta › Entrar e informe o client id e o segredo do consumidor de automação.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Manage API keys, OAuth consumers and authorizations.</source>
        <translation>Gerencie chaves de API, consumidores OAuth e autorizações.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Mostra a versão.</translation>
    </message>
    <message>
        <source>Start on the current account (the local sandbox on a first run), print &quot;main window shown&quot; once the lists are loaded, and quit.</source>
        <translation>Inicia na conta atual (o sandbox local na primeira execução), imprime &quot;main window shown&quot; quando as listas são carregadas e sai.</translation>
    </message>
    <message>
        <source>With --smoke-test: save a picture of the window.</source>
        <translation>Com --smoke-test: salva uma imagem da janela.</translation>
    </message>
    <message>
        <source>For make bench: quit at the main window&apos;s first paint.</source>
        <translation>Para make bench: sai na primeira pintura da janela principal.</translation>
    </message>
    <message>
        <source>For make bench: quit once the lists loaded, online or from the cache.</source>
        <translation>Para make bench: sai quando as listas forem carregadas, on-line ou do cache.</translation>
    </message>
    <message>
        <source>Open this section (1-5).</source>
        <translation>Abre esta seção (1-5).</translation>
    </message>
    <message>
        <source>Latchkey cannot start</source>
        <translation>O Latchkey não pode ser iniciado</translation>
    </message>
</context>
</TS>
