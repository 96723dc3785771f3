// Form and query parsing of the server: FormData (token, revocation, introspection and authorize
// bodies, the authorize query), the query the transport's parser fills with the list parameters
// (limit and cursor), If-Match and Accept-Language. The input is one line, split at the first '\n'
// into what goes in the query and what goes in headers; the whole input is also a form body.

#include "fuzzsupport.h"

#include <http/httpparser.h>
#include <http/requestsupport.h>
#include <oauth/signinpages.h>
#include <storage/paging.h>

#include <cstdint>

using namespace Latchkey;
using namespace Latchkey::Server;
using namespace Qt::StringLiterals;

namespace {

const QStringList &parameterNames()
{
    static const QStringList names = {u"grant_type"_s,
                                      u"scope"_s,
                                      u"client_id"_s,
                                      u"client_secret"_s,
                                      u"code"_s,
                                      u"redirect_uri"_s,
                                      u"code_verifier"_s,
                                      u"refresh_token"_s,
                                      u"token"_s,
                                      u"token_type_hint"_s,
                                      u"state"_s,
                                      u"csrf"_s,
                                      u"decision"_s,
                                      u"username"_s,
                                      u"password"_s,
                                      u"limit"_s,
                                      u"cursor"_s,
                                      u"q"_s,
                                      u"status"_s,
                                      u""_s,
                                      u" "_s};
    return names;
}

void readForm(const FormData &form)
{
    for (const QString &name : parameterNames()) {
        const int count = form.count(name);
        Fuzz::check(count >= 0 && form.contains(name) == (count > 0),
                    "FormData::contains agrees with count");
        if (count == 0)
            Fuzz::check(form.value(name).isNull(), "an absent parameter has no value");
    }
    const QString repeated = form.repeated(parameterNames());
    Fuzz::check(repeated.isNull() || form.count(repeated) > 1, "a repeated parameter repeats");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzz::initApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView input(data, qsizetype(size));
    readForm(FormData(input));

    const qsizetype newline = input.indexOf('\n');
    const QByteArrayView target = newline < 0 ? input : input.first(newline);
    const QByteArrayView header = newline < 0 ? QByteArrayView() : input.sliced(newline + 1);

    // What the transport does with a request target (HttpRequestParser::setTarget); a target it
    // refuses never reaches the list parameters.
    HttpRequest request;
    request.method = "GET";
    request.headers = {{"if-match"_ba, header.toByteArray()},
                       {"accept-language"_ba, header.toByteArray()}};
    if (HttpRequestParser::setTarget(request, QByteArray("/" + target.toByteArray()))) {
        for (const QString &name : parameterNames())
            (void)request.queryValue(name);
        const auto page = pageRequest(request);
        if (const auto *value = std::get_if<PageRequest>(&page))
            Fuzz::check(value->limit >= 1 && value->limit <= 1000, "a page limit is 1..1000");
        else
            Fuzz::check(std::get<HttpResponse>(page).status == 422, "a bad page request is a 422");
        // The authorize endpoint reads its query from the resource as sent.
        const qsizetype question = request.resource.indexOf('?');
        readForm(FormData(question < 0 ? QByteArray() : request.resource.mid(question + 1)));
    }

    if (const auto cursor = Cursor::decode(QString::fromUtf8(target))) {
        const auto again = Cursor::decode(cursor->encode());
        Fuzz::check(again && again->createdAt == cursor->createdAt && again->id == cursor->id,
                    "a cursor encodes back to itself");
    }
    const auto failed = checkIfMatch(request, 7);
    Fuzz::check(!failed || failed->status == 412, "If-Match fails with 412");
    (void)SignInPages::negotiate(header);
    return 0;
}
