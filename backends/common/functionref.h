#pragma once

#include <type_traits>
#include <utility>

template<typename Signature>
class FunctionRef;

/// A non-owning reference to a callable, like C++26 std::function_ref: no allocation, one
/// indirect call. Only for callables that outlive the call they are passed to (a lambda written
/// in the argument list does).
template<typename Result, typename... Args>
class FunctionRef<Result(Args...)> final
{
public:
    template<typename Callable, typename = std::enable_if_t<!std::is_same_v<std::decay_t<Callable>, FunctionRef>>>
    FunctionRef(Callable&& callable) // NOLINT(google-explicit-constructor): used like a function pointer
        : m_object(const_cast<void*>(static_cast<const void*>(&callable)))
        , m_call([](void* object, Args... args) -> Result {
            return (*static_cast<std::remove_reference_t<Callable>*>(object))(std::forward<Args>(args)...);
        })
    { }

    Result operator()(Args... args) const { return m_call(m_object, std::forward<Args>(args)...); }

private:
    void* m_object;
    Result (*m_call)(void*, Args...);
};
